import type { Random } from './random';

/**
 * Hostile `.wavelength` files for the fuzz tests: each one is a valid session
 * (a sample, a fixture) with a few mutations applied — some aimed at what the
 * curve maths and the analysis find hard (points a denormal apart, phases of
 * extreme widths, reserved ids kept consistent through the whole file), some
 * blind (type confusion, extreme numbers, huge and odd strings, deep nesting,
 * dangling references), some on the text itself (truncated JSON, flipped
 * characters, numbers JSON.parse turns into Infinity).
 *
 * Pure: the caller passes the base files' texts and a seeded Random, so a
 * file is reproduced from its seed alone.
 */

export interface HostileFile {
  readonly text: string;
  /** What was done to the base file, in order: enough to tell what a failure was about. */
  readonly recipe: readonly string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Doc = { [key: string]: Json };
type Path = readonly (string | number)[];

/**
 * Values JSON.stringify can't write (Infinity, -0, deep nesting that would
 * overflow its recursion) travel as a marker string and are spliced into the
 * text afterwards.
 */
const RAW = '\u0000raw:';
// URI-encoded, so a token with quotes in it (a deep object) stays one JSON string.
const raw = (token: string): string => `${RAW}${encodeURIComponent(token)}`;

const RAW_NUMBERS = ['1e999', '-1e999', '1e-999', '-0', '4.9e-324', '2.4e-324', '1.7976931348623157e308', '123456789012345678901234567890', '0.1e1', '1E-310'];

const NUMBERS = [
  0, 1, -1, 0.5, 2, 5e-324, 1e-320, 1e-310, 2.2250738585072014e-308, 1e-300, 1e-16, 1e-12, 1e-9, 1e-7, 1 - 1e-16, 1 + 2e-16,
  0.1 + 0.2, 1000, 1000.0000001, 1e308, -1e308, 2 ** 53, 2 ** 31, -(2 ** 31), 0.25, 0.01, 0.009999, 100, 501, 5000, 25001,
];

/** Gaps between two neighbouring curve points, from denormal to harmless. */
const GAPS = [5e-324, 1e-320, 1e-310, 1e-308, 3e-308, 1e-307, 1e-300, 1e-200, 1e-100, 1e-30, 1e-17, 1e-16, 1e-15, 1e-12, 1e-10, 1e-9, 2e-9, 1e-8, 1e-6, 1e-4];

const WIDTHS = [5e-324, 1e-320, 1e-310, 1e-300, 1e-100, 1e-16, 1e-9, 1e-6, 1e-3, 0.01, 0.25, 1, 20, 999.999, 1000, 1000.0001, 1e308];

const RESERVED = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', 'isPrototypeOf', '__defineGetter__', 'length', 'then'];

const ODD_STRINGS = [
  '', ' ', '\t', '\n', 'NaN', 'Infinity', '-Infinity', '-0', '1e999', 'null', 'undefined', 'true', '[]', '{}',
  ...RESERVED,
  '\u0000', 'a\u0001b', 'bell\u0007', 'esc\u001b[31m', '\u007f', '\u0085', '\ud800', 'lone \udfff end', '\ud83d', '\u202eevil\u202c',
  '\u200b', '\u200d\u200d', '\ufeff', '\ufffe', '\uffff', '👩‍👩‍👧‍👦', 'e\u0301\u0301\u0301', '\u2028\u2029', 'Zürich Ærø Łódź Ștefan',
  'عربى', '日本語テキスト', '<script>alert(1)</script>', '</svg><svg onload=alert(1)>', '"quoted" \'single\'', '=1+1', '+cmd', '-2', '@SUM(A1)',
  '&amp; &lt; &#0; &#x0;', '%s %d {{name}} $t(app.title)', '../../etc/passwd', 'C:\\Windows\\system32', 'a,b;c\r\nd',
  '#0072B2', '#zzzzzz', '#FFF', '2026-02-29', '2024-02-29', '2026-02-30', '2026-13-01', '0000-01-01', '9999-12-31', '+275760-09-13',
  'sales', 'ps', 'customer', 'other', 'dashdot', 'experienced', 'otherTeam', 'event', 'insight', 'de', 'en', 'wavelength-session',
];

const LONG_LENGTHS = [100, 101, 199, 200, 201, 499, 500, 501, 1999, 2000, 2001, 100_000];

function deepArray(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

function deepObject(depth: number): string {
  return `${'{"a":'.repeat(depth)}0${'}'.repeat(depth)}`;
}

/** A value of any kind, mostly odd. */
function hostileValue(r: Random, doc: Doc): Json {
  switch (r.int(9)) {
    case 0:
      return r.pick(NUMBERS) * (r.chance(0.2) ? -1 : 1);
    case 1:
      return raw(r.pick(RAW_NUMBERS));
    case 2:
      return r.pick(ODD_STRINGS);
    case 3:
      return r.pick(['x', 'Ä', '😀', ' ', '\u0301']).repeat(r.pick(LONG_LENGTHS));
    case 4:
      return r.pick<Json>([true, false, null, [], {}, [[]], [null], { a: 1 }, [0, 0], [[0, 0]], [0.5, 0.5, 0.5], ['0', '1']]);
    case 5:
      return raw(r.chance(0.5) ? deepArray(r.pick([10, 100, 1000, 10_000, 100_000])) : deepObject(r.pick([10, 100, 1000, 10_000])));
    case 6:
      // Type confusion: a value from elsewhere in the same file.
      return structuredClone(valueAt(doc, r.pick(collectPaths(doc))));
    case 7:
      return r.pick(collectIds(doc).concat(['missing_id']));
    default:
      return r.next();
  }
}

/** The float `steps` units in the last place above x (x ≥ 0). */
function nextUp(x: number, steps: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + BigInt(steps));
  return view.getFloat64(0);
}

// ---------------------------------------------------------------------------
// Paths into the document

function collectPaths(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => collectPaths(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) collectPaths(v, [...prefix, k], out);
  return out;
}

function valueAt(doc: Json, path: Path): Json {
  let at: Json = doc;
  for (const key of path) at = (at as Record<string | number, Json>)[key] ?? null;
  return at;
}

function setAt(doc: Doc, path: Path, value: Json): void {
  if (path.length === 0) return;
  const parent = valueAt(doc, path.slice(0, -1));
  if (parent !== null && typeof parent === 'object') (parent as Record<string | number, Json>)[path[path.length - 1]!] = value;
}

function deleteAt(doc: Doc, path: Path): void {
  if (path.length === 0) return;
  const parent = valueAt(doc, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else if (parent !== null && typeof parent === 'object') delete (parent as Record<string, Json>)[key];
}

function collectIds(doc: Doc): string[] {
  const ids: string[] = [];
  for (const path of collectPaths(doc)) {
    const key = path[path.length - 1];
    const v = valueAt(doc, path);
    if (typeof v === 'string' && typeof key === 'string' && /^(id|.*Id)$/.test(key)) ids.push(v);
  }
  return [...new Set(ids)];
}

/** Replace an id everywhere it occurs, so the file's references still hold. */
function renameId(doc: Doc, from: string, to: string): void {
  for (const path of collectPaths(doc)) if (valueAt(doc, path) === from) setAt(doc, path, to);
}

const session = (doc: Doc): Doc => (doc['session'] && typeof doc['session'] === 'object' && !Array.isArray(doc['session']) ? (doc['session'] as Doc) : {});
const list = (doc: Doc, key: string): Json[] => {
  const v = session(doc)[key];
  return Array.isArray(v) ? v : [];
};
const timeline = (doc: Doc): Doc => {
  const v = session(doc)['timeline'];
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Doc) : {};
};
const objects = (items: Json[]): Doc[] => items.filter((v): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v));

function curvePoints(r: Random, doc: Doc): { curve: Doc; points: [number, number][] } | null {
  const curves = objects(list(doc, 'curves'));
  if (curves.length === 0) return null;
  const curve = r.pick(curves);
  const pts = Array.isArray(curve['points']) ? curve['points'] : [];
  const points = pts.filter((p): p is [number, number] => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number');
  return { curve, points: points.map(([x, y]) => [x, y]) };
}

// ---------------------------------------------------------------------------
// Mutations

type Mutation = (r: Random, doc: Doc) => string;

const blind: Record<string, Mutation> = {
  replaceValue: (r, doc) => {
    const path = r.pick(collectPaths(doc));
    setAt(doc, path, hostileValue(r, doc));
    return `replace ${path.join('.')}`;
  },
  deleteKey: (r, doc) => {
    const path = r.pick(collectPaths(doc));
    deleteAt(doc, path);
    return `delete ${path.join('.')}`;
  },
  addKey: (r, doc) => {
    const objs = collectPaths(doc).filter((p) => {
      const v = valueAt(doc, p);
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    });
    const path = r.pick(objs);
    const key = r.pick(['__proto__', 'constructor', 'extra', '', 'id', 'points', 'x'.repeat(1000)]);
    (valueAt(doc, path) as Doc)[key] = hostileValue(r, doc);
    return `add ${path.join('.')}.${key.slice(0, 20)}`;
  },
  duplicateElement: (r, doc) => {
    const arrays = collectPaths(doc).filter((p) => Array.isArray(valueAt(doc, p)) && (valueAt(doc, p) as Json[]).length > 0);
    if (arrays.length === 0) return 'duplicate (no array)';
    const path = r.pick(arrays);
    const arr = valueAt(doc, path) as Json[];
    const i = r.int(arr.length);
    arr.splice(r.int(arr.length + 1), 0, structuredClone(arr[i]!));
    return `duplicate ${path.join('.')}.${i}`;
  },
  removeElement: (r, doc) => {
    const arrays = collectPaths(doc).filter((p) => Array.isArray(valueAt(doc, p)) && (valueAt(doc, p) as Json[]).length > 0);
    if (arrays.length === 0) return 'remove (no array)';
    const path = r.pick(arrays);
    const arr = valueAt(doc, path) as Json[];
    const i = r.int(arr.length);
    arr.splice(i, 1);
    return `remove ${path.join('.')}.${i}`;
  },
  reverseArray: (r, doc) => {
    const arrays = collectPaths(doc).filter((p) => Array.isArray(valueAt(doc, p)));
    if (arrays.length === 0) return 'reverse (no array)';
    const path = r.pick(arrays);
    (valueAt(doc, path) as Json[]).reverse();
    return `reverse ${path.join('.')}`;
  },
  danglingReference: (r, doc) => {
    const refs = collectPaths(doc).filter((p) => /Id$/.test(String(p[p.length - 1])));
    if (refs.length === 0) return 'dangle (no reference)';
    const path = r.pick(refs);
    setAt(doc, path, r.pick([...collectIds(doc), 'missing_id', '', null]));
    return `dangle ${path.join('.')}`;
  },
  envelope: (r, doc) => {
    const what = r.int(6);
    if (what === 0) doc['version'] = r.pick<Json>([0, -1, 1.5, 3, 2 ** 53, '2', null, raw('1e999'), 1]);
    else if (what === 1) doc['format'] = r.pick<Json>(['wavelength', 'WAVELENGTH-SESSION', '', null, 1]);
    else if (what === 2) delete doc['session'];
    else if (what === 3) doc['session'] = hostileValue(r, doc);
    else if (what === 4) doc['savedAt'] = hostileValue(r, doc);
    else {
      // Down to v1: what a v1 file lacked goes, the migration fills it in again.
      doc['version'] = 1;
      for (const key of ['target', 'analysis', 'notes', 'actions']) if (r.chance(0.7)) delete session(doc)[key];
    }
    return `envelope ${what}`;
  },
};

const aimed: Record<string, Mutation> = {
  closePoints: (r, doc) => {
    const found = curvePoints(r, doc);
    if (!found || found.points.length === 0) return 'closePoints (no curve)';
    const { curve, points } = found;
    const y = () => r.pick([0, 1, 0.5, r.next()]);
    const mode = r.int(3);
    if (mode === 0) {
      // At the start of the timeline, where a denormal gap survives the addition (the audit's case).
      const gap = r.pick(GAPS);
      const rest = points.filter(([x]) => x > gap);
      curve['points'] = [[0, y()], [gap, y()], ...rest];
      return `closePoints ${gap} at 0`;
    }
    const i = r.int(points.length);
    const [x] = points[i]!;
    // A few units in the last place: the closest two distinct times can be anywhere else.
    const nx = mode === 1 ? nextUp(x, r.between(1, 4)) : x + r.pick(GAPS);
    if (nx > 1) return 'closePoints (past the end)';
    points.splice(i + 1, 0, [nx, y()]);
    curve['points'] = points;
    return `closePoints ${nx - x} after ${i}`;
  },
  duplicateTime: (r, doc) => {
    const found = curvePoints(r, doc);
    if (!found || found.points.length === 0) return 'duplicateTime (no curve)';
    const i = r.int(found.points.length);
    found.points.splice(i + 1, 0, [found.points[i]![0], r.next()]);
    found.curve['points'] = found.points;
    return `duplicateTime at ${i}`;
  },
  edgePoints: (r, doc) => {
    const found = curvePoints(r, doc);
    if (!found || found.points.length < 2) return 'edgePoints (no curve)';
    found.points[0] = [0, r.pick([0, 1])];
    found.points[found.points.length - 1] = [1, r.pick([0, 1])];
    found.curve['points'] = found.points;
    return 'edgePoints';
  },
  sawtooth: (r, doc) => {
    const found = curvePoints(r, doc);
    if (!found) return 'sawtooth (no curve)';
    const n = r.pick([2, 3, 50, 1000, 4999, 5000, 5001]);
    const start = r.pick([0, 0.5, 1 - 1e-6, 0.3]);
    const step = r.pick([1e-9, 1e-6, 1e-4, (1 - start) / n]);
    const points: [number, number][] = [];
    for (let k = 0; k < n; k++) points.push([Math.min(1, start + k * step), k % 2]);
    found.curve['points'] = points;
    return `sawtooth ${n} from ${start} step ${step}`;
  },
  tinySpan: (r, doc) => {
    const found = curvePoints(r, doc);
    if (!found) return 'tinySpan (no curve)';
    const a = r.pick([0, 0.5, 0.5025, 0.999, 1 - 1e-9]);
    const w = r.pick([5e-324, 1e-12, 1e-9, 1e-6, 1e-3, 0.004]);
    found.curve['points'] = [[a, r.next()], [Math.min(1, a + w), r.next()]];
    return `tinySpan ${a}+${w}`;
  },
  phaseWidths: (r, doc) => {
    const phases = objects(Array.isArray(timeline(doc)['phases']) ? (timeline(doc)['phases'] as Json[]) : []);
    for (const p of phases) if (r.chance(0.5)) p['width'] = r.pick(WIDTHS);
    return 'phaseWidths';
  },
  manyPhases: (r, doc) => {
    const n = r.pick([1, 2, 99, 100, 101]);
    timeline(doc)['phases'] = Array.from({ length: n }, (_, i) => ({ id: `ph_many_${i}`, name: `P${i}`, width: r.pick(WIDTHS) }));
    return `manyPhases ${n}`;
  },
  milestoneEdges: (r, doc) => {
    const ms = objects(Array.isArray(timeline(doc)['milestones']) ? (timeline(doc)['milestones'] as Json[]) : []);
    if (ms.length === 0) return 'milestoneEdges (none)';
    const m = r.pick(ms);
    m['at'] = r.pick([0, 1, 5e-324, 1e-9, 1 - 1e-16, 0.005, 0.995, -0]);
    if (r.chance(0.7)) timeline(doc)['handoverId'] = m['id'] ?? null;
    return `milestoneEdges ${String(m['at'])}`;
  },
  settings: (r, doc) => {
    const s = session(doc);
    s['analysis'] = { handoverWindow: r.pick([0.01, 1, 0.0099, 0.5, 1e-9]), dropThreshold: r.pick([0.01, 1, 1.01, 0.25]) };
    s['target'] = { visible: r.chance(0.5), start: r.pick([0, 1, 0.5]), handover: r.pick([0, 1, 5e-324]), end: r.pick([0, 1, 1 - 1e-16]) };
    return 'settings';
  },
  consistentId: (r, doc) => {
    const ids = collectIds(doc);
    if (ids.length === 0) return 'consistentId (none)';
    const from = r.pick(ids);
    const to = r.pick([...RESERVED, '', ' ', 'a b', '\u0000', '\ud800', 'ü', 'x'.repeat(r.pick([200, 201])), r.pick(ids), '0', 'NaN']);
    renameId(doc, from, to);
    return `consistentId ${from} → ${JSON.stringify(to.slice(0, 20))}`;
  },
  oddNames: (r, doc) => {
    const s = session(doc);
    const targets = [
      ...objects(list(doc, 'participants')),
      ...objects(list(doc, 'teams')),
      ...objects(list(doc, 'notes')),
      ...objects(Array.isArray(timeline(doc)['phases']) ? (timeline(doc)['phases'] as Json[]) : []),
    ];
    for (const t of targets) {
      if (!r.chance(0.4)) continue;
      for (const key of ['name', 'text', 'author']) if (key in t) t[key] = r.pick(ODD_STRINGS);
    }
    if (s['project'] && typeof s['project'] === 'object') (s['project'] as Doc)['name'] = r.pick(ODD_STRINGS);
    return 'oddNames';
  },
  manyPeople: (r, doc) => {
    const people = objects(list(doc, 'participants'));
    const rounds = objects(list(doc, 'rounds'));
    if (people.length === 0 || rounds.length === 0) return 'manyPeople (none)';
    const n = r.pick([10, 20, 40]);
    const curves = list(doc, 'curves');
    for (let i = 0; i < n; i++) {
      const base = r.pick(people);
      const id = `pt_many_${i}`;
      people.push({ ...base, id });
      const roundId = r.pick(rounds)['id'] ?? null;
      const a = r.next() * 0.5;
      curves.push({ participantId: id, roundId, points: [[a, r.next()], [a + 0.25, r.next()], [Math.min(1, a + 0.5), r.next()]] });
    }
    session(doc)['participants'] = people;
    session(doc)['curves'] = curves;
    return `manyPeople ${n}`;
  },
  dropReferenced: (r, doc) => {
    const what = r.pick(['participants', 'rounds', 'teams']);
    const items = list(doc, what);
    if (items.length === 0) return `dropReferenced ${what} (none)`;
    items.splice(r.int(items.length), 1);
    return `dropReferenced ${what}`;
  },
};

/** Damage to the text itself, after serialising. */
function mutateText(r: Random, text: string): { text: string; step: string } {
  switch (r.int(6)) {
    case 0: {
      const at = r.int(text.length);
      return { text: text.slice(0, at), step: `truncate at ${at}` };
    }
    case 1: {
      const at = r.int(text.length);
      const c = r.pick(['"', '{', '}', '[', ']', ',', ':', '\\', '\u0000', 'e', '-', '9', '\ud800', ' ']);
      return { text: text.slice(0, at) + c + text.slice(at + (r.chance(0.5) ? 1 : 0)), step: `char ${JSON.stringify(c)} at ${at}` };
    }
    case 2: {
      // A number token becomes one JSON.parse reads as ±Infinity, 0 or a denormal.
      const numbers = [...text.matchAll(/(?<=[\s,[:])-?\d+(\.\d+)?(e-?\d+)?(?=[\s,\]}])/g)];
      if (numbers.length === 0) return { text, step: 'number (none)' };
      const m = r.pick(numbers);
      const token = r.pick(RAW_NUMBERS);
      return { text: text.slice(0, m.index) + token + text.slice(m.index! + m[0].length), step: `number → ${token}` };
    }
    case 3:
      return { text: r.pick(['\ufeff\ufeff', '\u0000', ' \n', 'garbage', '\ufffd']) + text, step: 'prefix' };
    case 4:
      return { text: r.pick(['', 'null', '0', '""', '[]', '{}', deepArray(100_000), deepObject(10_000), '{"format":"wavelength-session","version":2}']), step: 'whole' };
    default:
      return { text: text + r.pick(['}', ',', ' {"x":1}', '\u0000']), step: 'suffix' };
  }
}

function serialise(doc: Doc, r: Random): string {
  const text = r.chance(0.5) ? JSON.stringify(doc) : JSON.stringify(doc, null, 2);
  // Markers become their raw tokens; the marker is only ever a whole string value.
  return text.replace(/"\\u0000raw:([^"]*)"/g, (_, token: string) => decodeURIComponent(token));
}

/**
 * One hostile file from one of `bases` (texts of valid session files).
 * Most get one to four mutations; about one in eight also has its text
 * damaged.
 */
export function generateHostileFile(r: Random, bases: readonly string[]): HostileFile {
  const doc = JSON.parse(r.pick(bases)) as Doc;
  const recipe: string[] = [];
  const steps = r.between(1, 4);
  const aimedNames = Object.keys(aimed);
  const blindNames = Object.keys(blind);
  for (let i = 0; i < steps; i++) {
    // Aimed mutations more often: they get past validation and reach the maths.
    const name = r.chance(0.6) ? r.pick(aimedNames) : r.pick(blindNames);
    const mutation = aimed[name] ?? blind[name]!;
    recipe.push(mutation(r, doc));
  }
  let text = serialise(doc, r);
  if (r.chance(0.12)) {
    const damaged = mutateText(r, text);
    text = damaged.text;
    recipe.push(damaged.step);
  }
  return { text, recipe };
}
