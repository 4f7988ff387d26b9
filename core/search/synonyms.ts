/**
 * Query expansions: abbreviations and alternative names people type for the register's words. A group is
 * symmetric (each member finds the others); a one-way entry widens a word to what it usually means in the
 * register (数控 finds machine-tool makers, whose industry names say 机床 rather than 数控).
 * Every word here is also a dictionary word, so that the segmenter keeps it whole in a query.
 */
const GROUPS: readonly (readonly string[])[] = [
  ['电商', '电子商务'],
  ['跨境电商', '跨境电子商务'],
  ['数控', 'cnc'],
  ['人工智能', 'ai'],
  ['虚拟现实', 'vr'],
  ['物联网', 'iot'],
  ['武术', '功夫'],
];

/** Abbreviations find the full forms, not the other way round (a full name stays precise). */
const ONE_WAY: Readonly<Record<string, readonly string[]>> = {
  职院: ['职业学院', '职业技术学院'],
  职教中心: ['职业教育中心'],
  高专: ['高等专科学校'],
  中专: ['中等专业学校'],
  新能源车: ['新能源汽车'],
  幼师: ['幼儿师范'],
  郑铁: ['郑州铁路'],
  // The development zones go by short names.
  高新区: ['高新技术产业开发区'],
  经开区: ['经济技术开发区'],
  航空港区: ['航空港经济综合实验区'],
  航空港: ['航空港经济综合实验区'],
  空港: ['航空港经济综合实验区'],
  数控: ['机床'],
  cnc: ['机床'],
  氢能: ['燃料电池'],
};

const EXPANSIONS: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    if (from === to) return;
    let s = m.get(from);
    if (!s) m.set(from, (s = new Set()));
    s.add(to);
  };
  for (const g of GROUPS) for (const a of g) for (const b of g) add(a, b);
  for (const [from, tos] of Object.entries(ONE_WAY)) for (const to of tos) add(from, to);
  return new Map([...m].map(([k, v]) => [k, [...v]]));
})();

/** Other words a query word also stands for (empty when none). */
export function expansionsOf(word: string): readonly string[] {
  return EXPANSIONS.get(word) ?? [];
}

/** Every word the expansions mention, for the dictionary. */
export function synonymWords(): string[] {
  return [...new Set([...EXPANSIONS.keys(), ...[...EXPANSIONS.values()].flat()])];
}

/**
 * Words that say what kind of record is wanted rather than what it is called: 「汽车企业」 asks for
 * enterprises about cars. With other words beside them they become a type preference instead of a term.
 */
export const TYPE_HINT_WORDS: Readonly<Record<string, readonly string[]>> = {
  企业: ['enterprise'],
  公司: ['enterprise'],
  厂家: ['enterprise'],
  学校: ['school'],
  院校: ['school'],
  专业: ['major', 'program'],
  载体: ['carrier'],
};
