import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, List, Radio, Typography } from 'antd';
import { EVALUATION_STAGE_LABELS, evaluationCreate } from '../../../../contracts/internship-lifecycle.ts';
import { post as send } from '../../api/client.ts';
import { fieldRules } from '../../forms/zod.ts';
import { KEY } from './api.ts';
import type { InternshipDetail } from './lifecycle-api.ts';
import { useInternshipRoles } from './parties.ts';
import { RuleViolations } from './RuleViolations.tsx';

const rules = fieldRules(evaluationCreate);

/** Mid-term and final evaluations by both mentors; the side the user acts for adds its own. */
export function EvaluationsCard({ internship }: { internship: InternshipDetail }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const evaluate = useMutation({
    mutationFn: (v: { stage: string; score: number; comment: string }) => send(`/api/internships/${internship.id}/evaluations`, v),
    onSuccess: () => {
      message.success('评价已保存');
      void qc.invalidateQueries({ queryKey: [KEY] });
    },
  });
  // Evaluations come from the intern's mentors (core/internships/parties.ts), not from any teacher of the school.
  const mentor = useInternshipRoles(internship).mentor;
  const mine = new Set(internship.evaluations.filter((e) => e.party === mentor).map((e) => e.stage));
  const open = mentor !== null && internship.status === 'active' && mine.size < 2;
  return (
    <Card size="small" title="实习评价" data-testid="evaluations">
      <List
        size="small"
        dataSource={internship.evaluations}
        locale={{ emptyText: '暂无评价' }}
        renderItem={(e) => (
          <List.Item style={{ display: 'block' }}>
            <Typography.Text strong>
              {EVALUATION_STAGE_LABELS[e.stage]} · {e.party === 'school' ? '学校导师' : '企业导师'} {e.authorName} · {e.score} 分
            </Typography.Text>
            <div>{e.comment}</div>
          </List.Item>
        )}
      />
      {open && (
        <Form
          layout="vertical"
          onFinish={(v: { stage: string; score: number; comment: string }) => evaluate.mutate(v)}
          initialValues={{ stage: mine.has('midterm') ? 'final' : 'midterm', score: 85 }}
          style={{ marginTop: 8 }}
        >
          <RuleViolations error={evaluate.error} />
          <Form.Item name="stage" label="阶段" rules={rules.stage}>
            <Radio.Group
              options={(['midterm', 'final'] as const)
                .filter((s) => !mine.has(s))
                .map((s) => ({ value: s, label: EVALUATION_STAGE_LABELS[s] }))}
            />
          </Form.Item>
          <Form.Item name="score" label="成绩（0–100）" rules={rules.score}>
            <InputNumber min={0} max={100} precision={0} />
          </Form.Item>
          <Form.Item name="comment" label="评语" rules={rules.comment}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={evaluate.isPending}>
            提交评价
          </Button>
        </Form>
      )}
    </Card>
  );
}
