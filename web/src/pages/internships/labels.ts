import { APPLICATION_STATUS_LABELS } from '../../../../contracts/internships.ts';

/** Chinese labels and tag colours of the internship codes the API returns. */
export const KIND_LABELS: Record<string, string> = { observation: '认识实习', placement: '岗位实习' };
export const INSURANCE_LABELS: Record<string, string> = { school: '学校投保', enterprise: '企业投保', none: '未安排保险' };
export const POST_STATUS: Record<string, { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  published: { label: '已发布', color: 'green' },
  closed: { label: '已关闭', color: 'default' },
};
export const APPLICATION_STATUS: Record<string, { label: string; color: string }> = {
  applied: { label: APPLICATION_STATUS_LABELS.applied, color: 'blue' },
  school_approved: { label: APPLICATION_STATUS_LABELS.school_approved, color: 'gold' },
  accepted: { label: APPLICATION_STATUS_LABELS.accepted, color: 'green' },
  rejected: { label: APPLICATION_STATUS_LABELS.rejected, color: 'red' },
  withdrawn: { label: APPLICATION_STATUS_LABELS.withdrawn, color: 'default' },
};
