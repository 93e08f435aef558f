/**
 * Peggy grammar of the condition language, held as a string so the parser
 * is generated at runtime both under Jest and from swc's dist/ output.
 * Precedence, loosest first: OR, AND, NOT, comparison, + -, * /, unary -.
 * Actions build the nodes of condition.ast.ts; `options.unitSeconds` maps
 * a duration unit to seconds (undefined when the word is not a unit).
 */
export const CONDITION_GRAMMAR = String.raw`
{{
  function asField(node) {
    return node.kind === 'name' ? { ...node, role: 'field' } : node;
  }

  function arithmetic(head, tail) {
    return tail.reduce(
      (left, [op, right]) => ({ kind: 'arithmetic', op, left, right }),
      head,
    );
  }

  function logical(kind, head, tail) {
    return tail.reduce((left, right) => ({ kind, left, right }), head);
  }
}}

Condition = _ @Or _

QuantityText = _ @SignedQuantity _

DurationText = _ value:Number _ seconds:Unit _ { return value * seconds; }

Or = head:And tail:(_ OrKeyword _ @And)* { return logical('or', head, tail); }

And = head:Not tail:(_ AndKeyword _ @Not)* {
    return logical('and', head, tail);
  }

Not
  = NotKeyword _ operand:Not { return { kind: 'not', operand }; }
  / Atom

Atom
  = Comparison
  / "(" _ @Or _ ")"
  / BareField

Comparison = left:Sum _ test:(CompareTail / InTail) {
    return { ...test, left: asField(left) };
  }

CompareTail = op:CompareOperator _ right:Sum {
    return { kind: 'compare', op, right };
  }

InTail = negated:(NotKeyword _)? InKeyword _ items:List {
    return { kind: 'in', negated: negated !== null, items };
  }

BareField = name:Name {
    const right = { kind: 'literal', value: true };
    return { kind: 'compare', op: '=', left: asField(name), right };
  }

CompareOperator "comparison operator"
  = "==" { return '='; }
  / "<>" { return '!='; }
  / "!="
  / "<="
  / ">="
  / "="
  / "<"
  / ">"

List = "[" _ head:ListItem tail:(_ "," _ @ListItem)* _ "]" {
    return [head, ...tail];
  }

ListItem = String / Boolean / SignedQuantity

Sum = head:Product tail:(_ @("+" / "-") _ @Product)* {
    return arithmetic(head, tail);
  }

Product = head:Unary tail:(_ @("*" / "/") _ @Unary)* {
    return arithmetic(head, tail);
  }

Unary
  = "-" _ operand:Unary {
      return operand.kind === 'literal' && typeof operand.value === 'number'
        ? { kind: 'literal', value: -operand.value }
        : { kind: 'negate', operand };
    }
  / Primary

Primary
  = value:(String / Boolean / Quantity) { return { kind: 'literal', value }; }
  / Name
  / "(" _ @Sum _ ")"

SignedQuantity
  = "-" _ value:Quantity { return -value; }
  / Quantity

Quantity
  = value:Number "%" { return value; }
  / value:Number _ seconds:Unit { return value * seconds; }
  / Number

Number "number" = digits:$([0-9]+ ("." [0-9]+)?) { return Number(digits); }

Unit "duration unit"
  = unit:$[a-z]i+ !IdentChar
    &{ return options.unitSeconds(unit) !== undefined; } {
      return options.unitSeconds(unit);
    }

Boolean
  = "true"i !IdentChar { return true; }
  / "false"i !IdentChar { return false; }

String "string"
  = "'" chars:(Escape / [^'\\])* "'" { return chars.join(''); }
  / '"' chars:(Escape / [^"\\])* '"' { return chars.join(''); }
  / quote:['"] { error('Unterminated string: no closing ' + quote); }

Escape = "\\" @.

Name "name"
  = !Keyword head:$([a-z_]i IdentChar*) tail:("." @$IdentChar+)* {
      const { offset, line, column } = location().start;
      const path = [head, ...tail];
      const role = 'reference';
      return { kind: 'name', name: text(), path, role, offset, line, column };
    }

Keyword = ("AND"i / "OR"i / "NOT"i / "IN"i / "TRUE"i / "FALSE"i) !IdentChar

AndKeyword = "AND"i !IdentChar

OrKeyword = "OR"i !IdentChar

NotKeyword = "NOT"i !IdentChar

InKeyword = "IN"i !IdentChar

IdentChar = [a-z0-9_]i

_ "whitespace" = [ \t\r\n]*
`;
