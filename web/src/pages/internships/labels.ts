/** Chinese labels and tag colours of the internship codes the API returns. */
export const KIND_LABELS: Record<string, string> = { observation: '认识实习', placement: '岗位实习' };
export const INSURANCE_LABELS: Record<string, string> = { school: '学校投保', enterprise: '企业投保', none: '未安排保险' };
export const POST_STATUS: Record<string, { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  published: { label: '已发布', color: 'green' },
  closed: { label: '已关闭', color: 'default' },
};
export const APPLICATION_STATUS: Record<string, { label: string; color: string }> = {
  applied: { label: '待学校审核', color: 'blue' },
  school_approved: { label: '学校已同意，待企业接收', color: 'gold' },
  accepted: { label: '企业已接收', color: 'green' },
  rejected: { label: '未通过', color: 'red' },
  withdrawn: { label: '已撤回', color: 'default' },
};
