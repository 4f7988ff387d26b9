import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { commentCreate, logCreate } from '../../../../contracts/internship-lifecycle.ts';
import { post as send } from '../../api/client.ts';
import { applyServerErrors, fieldRules } from '../../forms/zod.ts';
import { dateValue } from '../registry/kit/forms.ts';
import { KEY } from './api.ts';
import { mondayOf, useLogs, zhengzhouToday, type InternshipDetail, type Side } from './lifecycle-api.ts';
import { useInternshipRoles } from './parties.ts';
import { RuleViolations } from './RuleViolations.tsx';

const logRules = fieldRules(logCreate);
const commentRules = fieldRules(commentCreate);

/** Weekly logs: the student writes one a week; the school's and the enterprise's mentors comment on each. */
export function LogsCard({ internship, side }: { internship: InternshipDetail; side: Side }) {
  const [form] = Form.useForm<{ weekStart: string; hoursWorked: number; content: string }>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const logs = useLogs(internship.id);
  // Comments come from the intern's mentors: the assigned school mentor (or the school's administrator) and the enterprise.
  const mentor = useInternshipRoles(internship).mentor;
  const [commenting, setCommenting] = useState<string | null>(null);
  const write = useMutation({
    mutationFn: (v: { weekStart: string; hoursWorked: number; content: string }) => send(`/api/internships/${internship.id}/logs`, v),
    onSuccess: () => {
      message.success('周志已提交');
      form.resetFields();
      void qc.invalidateQueries({ queryKey: [KEY] });
    },
    onError: (e) => applyServerErrors(form, e, ['weekStart', 'hoursWorked', 'content']),
  });
  const comment = useMutation({
    mutationFn: (v: { logId: string; comment: string }) =>
      send(`/api/internships/${internship.id}/logs/${v.logId}/comments`, { comment: v.comment }),
    onSuccess: () => {
      message.success('评语已保存');
      setCommenting(null);
      void qc.invalidateQueries({ queryKey: [KEY, 'logs'] });
    },
  });
  return (
    <Card size="small" title="实习周志" data-testid="logs">
      {side === 'student' && internship.status === 'active' && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => write.mutate(v)}
          initialValues={{ weekStart: mondayOf(zhengzhouToday()), hoursWorked: internship.weeklyHours }}
        >
          <RuleViolations error={write.error} />
          <Space wrap>
            <Form.Item name="weekStart" label="周（周一）" rules={logRules.weekStart} {...dateValue}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="hoursWorked" label="本周实习小时" rules={logRules.hoursWorked}>
              <InputNumber min={0} max={168} precision={0} />
            </Form.Item>
          </Space>
          <Form.Item name="content" label="本周做了什么、学到了什么" rules={logRules.content}>
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={write.isPending} block data-testid="log-submit">
            提交周志
          </Button>
        </Form>
      )}
      <List
        loading={logs.isLoading}
        dataSource={logs.data?.items ?? []}
        locale={{ emptyText: <Empty description="还没有周志" /> }}
        renderItem={(l) => (
          <List.Item style={{ display: 'block' }}>
            <Typography.Text strong>
              {l.weekStart} 当周 · {l.hoursWorked} 小时
            </Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{l.content}</Typography.Paragraph>
            {l.comments.map((c) => (
              <Typography.Paragraph key={c.id} type="secondary" style={{ margin: 0 }}>
                {c.party === 'school' ? '学校导师' : '企业导师'} {c.authorName}：{c.comment}
              </Typography.Paragraph>
            ))}
            {mentor &&
              (commenting === l.id ? (
                <Form
                  layout="vertical"
                  onFinish={(v: { comment: string }) => comment.mutate({ logId: l.id, ...v })}
                  style={{ marginTop: 8 }}
                >
                  <RuleViolations error={comment.error} />
                  <Form.Item name="comment" rules={commentRules.comment}>
                    <Input.TextArea rows={2} maxLength={2000} placeholder="指导评语" />
                  </Form.Item>
                  <Space>
                    <Button type="primary" size="small" htmlType="submit" loading={comment.isPending}>
                      保存评语
                    </Button>
                    <Button size="small" onClick={() => setCommenting(null)}>
                      取消
                    </Button>
                  </Space>
                </Form>
              ) : (
                <Button
                  size="small"
                  type="link"
                  style={{ paddingInline: 0 }}
                  onClick={() => {
                    comment.reset();
                    setCommenting(l.id);
                  }}
                >
                  写评语
                </Button>
              ))}
          </List.Item>
        )}
      />
    </Card>
  );
}
