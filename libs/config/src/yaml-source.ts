import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';

export type KeyPath = readonly (string | number)[];

/** 1-based line and column in the config file. */
export interface SourcePosition {
  line: number;
  column: number;
}

export interface SyntaxProblem {
  position: SourcePosition;
  detail: string;
}

/**
 * `['levels', 'l0_critical', 'escalation_chain', 'primary', 0]` is
 * written `levels.l0_critical.escalation_chain.primary[0]`.
 */
export function formatKeyPath(path: KeyPath): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    return text ? `${text}.${segment}` : segment;
  }, '');
}

/** A parsed YAML file that can say where any key path was written. */
export class YamlSource {
  readonly document: Document;
  private readonly lines = new LineCounter();

  constructor(readonly text: string) {
    this.document = parseDocument(text, {
      lineCounter: this.lines,
      prettyErrors: true,
    });
  }

  syntaxProblems(): SyntaxProblem[] {
    return this.document.errors.map((error) => {
      const at = error.linePos?.[0] ?? { line: 0, col: 0 };
      // The pretty message repeats the position and an excerpt; keep the words.
      const detail = error.message.split('\n')[0].replace(/ at line .*$/, '');
      return { position: { line: at.line, column: at.col }, detail };
    });
  }

  toJS(): unknown {
    return this.document.toJS();
  }

  positionAt(offset: number): SourcePosition {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  /** Where the value (or key) at `path` starts; else its nearest ancestor. */
  position(path: KeyPath, part: 'key' | 'value' = 'value'): SourcePosition {
    const { key, value } = this.locate(path);
    const node = part === 'key' ? (key ?? value) : (value ?? key);
    return this.positionAt(node?.range?.[0] ?? 0);
  }

  /**
   * Translates a 1-based line/column inside the string at `path` into a
   * file position, walking the lines as written (indentation and quotes
   * skipped, a line break or fold counted as one character). Exact for
   * single-line and literal scalars; escapes and blank lines inside folded
   * scalars can shift it by a few characters.
   */
  positionInString(path: KeyPath, inner: SourcePosition): SourcePosition {
    const node = this.locate(path).value;
    if (!isScalar(node) || !node.range) return this.position(path);
    const [start, end] = node.range;
    const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    const contentStart = block
      ? this.text.indexOf('\n', start) + 1
      : start + (quoted ? 1 : 0);
    let remaining = offsetIn(String(node.value), inner);
    let cursor = contentStart;
    const lines = this.text.slice(contentStart, end).split('\n');
    for (const [index, line] of lines.entries()) {
      const indent =
        index === 0 && !block ? 0 : line.length - line.trimStart().length;
      const length = line.length - indent;
      if (remaining <= length || index === lines.length - 1) {
        return this.positionAt(cursor + indent + Math.min(remaining, length));
      }
      remaining -= length + 1;
      cursor += line.length + 1;
    }
    return this.positionAt(contentStart);
  }

  private locate(path: KeyPath): { key?: Node; value?: Node } {
    let found: { key?: Node; value?: Node } = {
      value: this.document.contents ?? undefined,
    };
    for (const segment of path) {
      let parent = found.value;
      if (isAlias(parent)) parent = parent.resolve(this.document);
      const next = childOf(parent, segment);
      if (!next) break;
      found = next;
    }
    return found;
  }
}

function childOf(
  parent: unknown,
  segment: string | number,
): { key?: Node; value?: Node } | undefined {
  if (isSeq(parent) && typeof segment === 'number') {
    const item = parent.items[segment];
    return isNodeLike(item) ? { value: item } : undefined;
  }
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find(
    (p) => isScalar(p.key) && String(p.key.value) === String(segment),
  );
  if (!pair) return undefined;
  const key = pair.key as Node;
  return { key, value: isNodeLike(pair.value) ? pair.value : undefined };
}

function isNodeLike(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}

/** 0-based offset in `text` of a 1-based line and column. */
function offsetIn(text: string, inner: SourcePosition): number {
  const before = text.split('\n').slice(0, inner.line - 1);
  return before.reduce((sum, line) => sum + line.length + 1, inner.column - 1);
}
