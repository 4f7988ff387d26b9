import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { post as send } from '../../api/client.ts';
import { useMe } from '../../auth/session.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { KEY, useApplicationCheck, usePost, useRules, type Application } from './api.ts';
import { PostTerms } from './PostTerms.tsx';
import { RuleViolations } from './RuleViolations.tsx';

/** What the button says when the server says the student may not apply (the reason is shown above it). */
const BLOCKED_LABELS: Record<string, string> = {
  POST_EXPIRED: '岗位已截止',
  OVERLAPPING_INTERNSHIP: '与你的实习时间重叠',
  ALREADY_APPLIED: '已申请该岗位',
  RULE_VIOLATION: '不符合实习规定',
};

/**
 * One post's terms and the apply button; a refusal names the rule (age, study year, night shift for a minor…).
 * For a student the server says beforehand whether he or she may apply (ended post, an internship on overlapping
 * dates, a rule), so the button is disabled with the reason instead of failing after a tap.
 */
export default function PostDetailPage() {
  const { id } = useParams();
  const me = useMe();
  const check = useApplicationCheck(
    id,
    me.roles.some((r) => r.role === 'student'),
  );
  const blocked = check.data && !check.data.canApply ? check.data : null;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const post = usePost(id);
  const rules = useRules();
  const apply = useMutation({
    mutationFn: () => send<Application>(`/api/internship-posts/${id}/applications`, {}),
    onSuccess: () => {
      message.success('已提交申请，等待学校审核');
      void qc.invalidateQueries({ queryKey: [KEY] });
    },
  });
  if (post.error) return <QueryError error={post.error} onRetry={() => void post.refetch()} />;
  const p = post.data;
  const full = p ? p.placesTaken >= p.places : false;
  return (
    <div data-testid="internship-post">
      <Link to="/internships">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
          返回岗位列表
        </Button>
      </Link>
      <Card loading={post.isLoading} title={p && <span style={{ whiteSpace: 'normal' }}>{p.title}</span>} size="small">
        {p && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{p.enterpriseName}</Typography.Text>
            <PostTerms post={p} />
            {rules.data && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
                依{rules.data.payFloor.article}，岗位实习报酬原则上不低于相同岗位工资的{rules.data.payFloor.value * 100}%； 每天不超过
                {rules.data.dailyHours.value}小时、每周不超过{rules.data.weeklyHours.value}
                小时；不得收取押金等任何费用，保险费不由学生承担。
              </Typography.Paragraph>
            )}
            <RuleViolations error={apply.error} title="不能申请该岗位" />
            {apply.isSuccess ? (
              <Alert type="success" showIcon message="已提交申请" description={<Link to="/internships/applications">查看我的申请</Link>} />
            ) : (
              <>
                {blocked && (
                  <Alert type="warning" showIcon message="不能申请该岗位" description={blocked.reason} data-testid="apply-blocked" />
                )}
                <Button
                  type="primary"
                  block
                  size="large"
                  disabled={full || !!blocked}
                  loading={apply.isPending || check.isLoading}
                  onClick={() => apply.mutate()}
                  data-testid="apply"
                >
                  {blocked ? (BLOCKED_LABELS[blocked.code ?? ''] ?? '不能申请') : full ? '名额已满' : '申请该岗位'}
                </Button>
              </>
            )}
          </Space>
        )}
      </Card>
    </div>
  );
}
