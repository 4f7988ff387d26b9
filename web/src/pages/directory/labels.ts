/** Labels the public pages show for codes the directory API returns. */
export const OWNERSHIP_LABELS: Record<'public' | 'private', string> = { public: '公办', private: '民办' };
/** Levels of the national major catalogue (职业教育专业目录 2021). */
export const MAJOR_LEVEL_LABELS: Record<string, string> = { secondary: '中职', higher: '高职专科', vocUndergrad: '职业本科' };
