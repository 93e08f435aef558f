// Reads what the product did with the accepted signals: escalation
// documents from its API. Every request has a timeout, so a server that
// stops answering ends a wait as stalled instead of hanging the run.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const PAGE = 500;
const REQUEST_MS = 5_000;

/** How many escalations the API lists (for one component if given). */
export async function countEscalations(apiUrl, component) {
  const page = await getJson(escalationsUrl(apiUrl, component, 1, 0));
  return page.total;
}

/**
 * Polls until `expected` escalations exist (`initialTotal` before the
 * first answer, default 0), `deadline` (epoch ms) passes,
 * or the count has not moved for `stallMs`, polling every `pollMs`
 * (default 250). Resolves { total, reached,
 * reachedAtMs (performance.now() of the first poll that saw them all),
 * lastMoveAtMs (of the last poll that saw the count change), stalled,
 * error (the last failed request, if any) }.
 */
export async function waitForEscalations(apiUrl, expected, options) {
  const { deadline, component, stallMs = Infinity, pollMs = 250 } = options;
  const total = options.initialTotal ?? 0;
  const state = { total, reached: false, stalled: false, error: null };
  let movedAt = Date.now();
  while (Date.now() < deadline) {
    const total = await countEscalations(apiUrl, component).catch((e) => {
      state.error = e.message;
      return state.total;
    });
    if (total !== state.total) {
      movedAt = Date.now();
      state.lastMoveAtMs = performance.now();
    }
    state.total = total;
    if (total >= expected) {
      return { ...state, reached: true, reachedAtMs: performance.now() };
    }
    if (Date.now() - movedAt > stallMs) return { ...state, stalled: true };
    await sleep(pollMs);
  }
  return state;
}

/** Every escalation document (of one component if given), paged. */
export async function allEscalations(apiUrl, component) {
  const items = [];
  for (let offset = 0; ; offset += PAGE) {
    const url = escalationsUrl(apiUrl, component, PAGE, offset);
    const page = await getJson(url);
    items.push(...page.items);
    if (page.items.length < PAGE) return items;
  }
}

function escalationsUrl(apiUrl, component, limit, offset) {
  const query = new URLSearchParams({ limit, offset });
  if (component !== undefined) query.set('component', component);
  return `${apiUrl}/v1/escalations?${query}`;
}

async function getJson(url) {
  const signal = AbortSignal.timeout(REQUEST_MS);
  const response = await fetch(url, { signal }).catch((error) => {
    throw new Error(`GET ${url}: ${error.cause?.message ?? error.message}`);
  });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return response.json();
}
