/**
 * The segmenter's prefix dictionary, as jieba keeps it: every word with its frequency, and every proper prefix
 * of a word with frequency 0 (so the DAG builder can stop scanning as soon as a prefix is unknown).
 *
 * The platform does not ship a general-purpose Chinese dictionary. Its words come from its own catalogues
 * (major, industry and cluster names, carrier kinds, divisions) and from the parts organisation names are
 * built of (职业技术学院, 有限公司, 科技 …): exactly the vocabulary people search the register with. Words the
 * dictionary lacks are still found through the character bigrams of `tokenize.ts`.
 */
export interface Dictionary {
  /** Word → frequency (> 0); prefix of a word → 0. */
  readonly freq: ReadonlyMap<string, number>;
  /** ln of the sum of all frequencies. */
  readonly logTotal: number;
  /** Number of words (frequency > 0). */
  readonly size: number;
}

/** Default frequency of a catalogue word; organisation-name parts and common words carry their own. */
export const CATALOGUE_WORD_FREQ = 1000;

/**
 * Common parts of the names of schools, enterprises and carriers in Zhengzhou, and words of the domain that
 * the catalogues do not spell out. Longer forms get higher frequencies so that 职业技术学院 stays one word
 * rather than 职业 + 技术 + 学院 (all three are words too, for queries that use them alone).
 */
export const COMMON_WORDS: readonly (readonly [string, number])[] = [
  // Schools.
  ['职业技术学院', 5000],
  ['职业学院', 5000],
  ['职业技术大学', 5000],
  ['职业大学', 3000],
  ['高等专科学校', 5000],
  ['职业技术学校', 5000],
  ['职业中等专业学校', 5000],
  ['中等专业学校', 5000],
  ['中等职业学校', 4000],
  ['技工学校', 3000],
  ['技师学院', 3000],
  ['职业教育中心', 5000],
  ['职教中心', 3000],
  ['职业学校', 4000],
  ['学院', 3000],
  ['大学', 3000],
  ['学校', 3000],
  ['职业', 3000],
  ['技术', 3000],
  ['专科', 1500],
  ['高等', 1500],
  ['中等', 1500],
  ['专业', 2000],
  ['职业教育', 3000],
  ['职教', 1500],
  ['高职', 1500],
  ['中职', 1500],
  ['本科', 1500],
  ['职院', 1000],
  ['师范', 2000],
  ['幼儿师范', 2000],
  ['医学', 2000],
  ['卫生', 2000],
  ['护理', 2000],
  ['财税', 1500],
  ['金融', 2000],
  ['商贸', 2000],
  ['经贸', 1500],
  ['旅游', 2000],
  ['铁路', 2000],
  ['交通', 2000],
  ['电力', 2000],
  ['建筑', 2000],
  ['农业', 2000],
  ['机电', 2000],
  ['信息', 2000],
  ['工程', 2000],
  ['科技', 3000],
  ['工业', 2000],
  ['财贸', 1500],
  ['经济', 2000],
  ['管理', 2000],
  ['武术', 2000],
  ['少林', 1500],
  ['嵩山', 1500],
  ['黄河', 2000],
  ['中原', 2000],
  ['航空', 2000],
  ['服务', 2000],
  ['现代服务', 1500],
  ['智能制造', 2000],
  ['数字科技', 1500],
  ['电子信息', 2000],
  ['电子商务', 2000],
  ['轨道交通', 2000],
  ['汽车工程', 1500],
  ['信息工程', 1500],
  ['机电工程', 1500],
  ['食品工程', 1500],
  ['航空服务', 1500],
  ['新能源', 2000],
  ['软件', 2000],
  ['艺术', 2000],
  ['物流', 2000],
  ['建设', 2000],
  ['商务', 2000],
  // Enterprises.
  ['有限公司', 8000],
  ['有限责任公司', 6000],
  ['股份有限公司', 6000],
  ['集团有限公司', 6000],
  ['集团', 3000],
  ['股份', 2000],
  ['公司', 3000],
  ['企业', 3000],
  ['分公司', 2000],
  ['科技有限公司', 3000],
  ['电子科技', 2000],
  ['智能科技', 2000],
  ['信息技术', 2000],
  ['网络科技', 2000],
  ['材料科技', 1500],
  ['环保科技', 1500],
  ['生物科技', 1500],
  ['新能源科技', 1500],
  ['医疗科技', 1500],
  ['节能科技', 1500],
  ['数据科技', 1500],
  ['智能装备', 1500],
  ['机械设备', 1500],
  ['电子', 2000],
  ['智能', 2500],
  ['装备', 2000],
  ['机械', 2000],
  ['设备', 2000],
  ['材料', 2000],
  ['制造', 2000],
  ['环保', 2000],
  ['能源', 2000],
  ['食品', 2000],
  ['医疗', 2000],
  ['医药', 2000],
  ['药业', 1500],
  ['制药', 1500],
  ['文化', 2000],
  ['传媒', 1500],
  ['传播', 1500],
  ['影视', 1500],
  ['会展', 1500],
  ['酒店', 1500],
  ['餐饮', 1500],
  ['仓储', 1500],
  ['货运', 1500],
  ['国际', 2000],
  ['贸易', 1500],
  ['供应链', 1500],
  ['互联网', 1500],
  ['大数据', 2000],
  ['人工智能', 2000],
  ['机器人', 2000],
  ['传感器', 2000],
  ['仪器仪表', 1500],
  ['数控', 1500],
  ['机床', 1500],
  ['数控机床', 1500],
  ['加工', 1500],
  ['铝业', 1500],
  ['铝材', 1000],
  ['重工', 1500],
  ['泵业', 1000],
  ['轴承', 1000],
  ['燃料电池', 1500],
  ['氢能', 1500],
  ['汽车', 2000],
  ['新能源汽车', 1500],
  ['零部件', 1500],
  ['服装', 1500],
  ['服饰', 1500],
  ['家居', 1500],
  ['家具', 1500],
  ['速冻', 1000],
  ['乳业', 1000],
  ['面业', 1000],
  ['跨境', 1500],
  ['跨境电商', 1500],
  ['电商', 1500],
  ['虚拟现实', 1500],
  ['元宇宙', 1500],
  ['数字', 1500],
  ['网络', 1500],
  ['通信', 1500],
  ['计算机', 1500],
  ['研究院', 1500],
  ['研究所', 1500],
  ['中心', 2000],
  ['基地', 2000],
  ['实训', 1500],
  ['实训基地', 1500],
  ['联合体', 1500],
  ['共同体', 1500],
  ['产业', 2000],
  ['产教融合', 2000],
  ['校企合作', 1500],
  ['协同创新', 1500],
  ['创新', 1500],
  // The plan's carriers (载体).
  ['实训基地', 2000],
  ['公共实训基地', 1500],
  ['产教融合实训基地', 1500],
  ['实践中心', 1500],
  ['产业学院', 2000],
  ['职教集团', 1500],
  ['职业教育集团', 1500],
  ['市域产教联合体', 1500],
  ['产教联合体', 1500],
  ['产教融合共同体', 1500],
  ['行业产教融合共同体', 1500],
  ['协同创新中心', 1500],
  ['国际合作项目', 1500],
  ['鲁班工坊', 1500],
  ['职业体验中心', 1500],
  ['产教融合型企业', 1500],
  // Places.
  ['郑州', 5000],
  ['郑州市', 4000],
  ['河南', 5000],
  ['河南省', 4000],
  ['中国', 2000],
  ['郑东新区', 1500],
  ['航空港', 1500],
  ['高新区', 1500],
  ['经开区', 1500],
];

/**
 * Parts that most names of the register share: the city and province, legal forms, school-type suffixes.
 * They still count for ranking, but a fallback search for names close to the query does not go looking for
 * every record that merely shares one of them (every 郑州 …有限公司).
 */
export const GENERIC_NAME_PARTS: ReadonlySet<string> = new Set([
  '郑州',
  '郑州市',
  '河南',
  '河南省',
  '中国',
  '有限公司',
  '有限责任公司',
  '股份有限公司',
  '集团有限公司',
  '科技有限公司',
  '公司',
  '集团',
  '股份',
  '分公司',
  '职业技术学院',
  '职业学院',
  '职业技术大学',
  '职业大学',
  '高等专科学校',
  '职业技术学校',
  '职业中等专业学校',
  '中等专业学校',
  '中等职业学校',
  '职业学校',
  '技工学校',
  '技师学院',
  '职业教育中心',
  '学院',
  '大学',
  '学校',
  '职业',
  '技术',
  '专科',
  '高等',
  '中等',
  '科技',
  '中心',
]);

/**
 * Build a dictionary. Later entries for the same word keep the highest frequency. Entries that are not at
 * least two characters long (after normalisation by the caller) are ignored: single characters are
 * the segmenter's fallback, never words of their own.
 */
export function createDictionary(entries: Iterable<readonly [string, number]>): Dictionary {
  const freq = new Map<string, number>();
  let total = 0;
  let size = 0;
  for (const [word, f] of entries) {
    const chars = [...word];
    if (chars.length < 2 || !(f > 0)) continue;
    const old = freq.get(word) ?? 0;
    if (f <= old) continue;
    if (old === 0) size++;
    total += f - old;
    freq.set(word, f);
    let prefix = '';
    for (const ch of chars.slice(0, -1)) {
      prefix += ch;
      if (!freq.has(prefix)) freq.set(prefix, 0);
    }
  }
  return { freq, logTotal: Math.log(Math.max(total, 1)), size };
}

/**
 * Extra dictionary words from a catalogue name: the name itself, its parts around 、 / 及 / 和 / 与, and
 * the part left when a generic tail (制造, 服务, 技术 …) is taken off — 金属切削机床制造 yields 金属切削机床.
 */
export function catalogueWords(name: string): string[] {
  const out = new Set<string>();
  const add = (w: string) => {
    const t = w.trim();
    if ([...t].length >= 2) out.add(t);
  };
  const clean = name.replace(/[（(][^）)]*[）)]/g, '').replace(/\s+/g, '');
  add(clean);
  for (const part of clean.split(/[、，,/；;]|及|和|与/)) {
    add(part);
    const stem = part.replace(/(制造|服务|技术|加工|批发|零售|种植|养殖|应用|管理|业)$/, '');
    if (stem !== part) add(stem);
  }
  return [...out];
}
