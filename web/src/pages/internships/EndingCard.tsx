import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { completeRequest, reasonRequest } from '../../../../contracts/internship-lifecycle.ts';
import { post as send } from '../../api/client.ts';
import { applyServerErrors, fieldRules } from '../../forms/zod.ts';
import { KEY, usePosts } from './api.ts';
import type { InternshipDetail, Side } from './lifecycle-api.ts';
import { isOpen, useInternshipRoles } from './parties.ts';
import { RuleViolations } from './RuleViolations.tsx';

const reasonRules = fieldRules(reasonRequest);
const completeRules = fieldRules(completeRequest);

type Kind = 'complete' | 'withdraw' | 'terminate' | 'reassign';
interface ActionSpec {
  label: string;
  danger: boolean;
  confirm: string;
  done: string;
  fields: string[];
}
const ACTIONS: Record<Kind, ActionSpec> = {
  complete: {
    label: '确认实习完成',
    danger: false,
    confirm: '确认后实习结束；合格的将作为岗位实习成果记入学生的学分银行账户，不能撤销。',
    done: '实习已完成',
    fields: ['outcome', 'hours', 'comment'],
  },
  withdraw: {
    label: '退出实习',
    danger: true,
    confirm: '退出后本实习结束，名额释放给其他同学，不能撤销。',
    done: '已退出实习',
    fields: ['reason'],
  },
  terminate: {
    label: '终止实习',
    danger: true,
    confirm: '终止后本实习结束，名额释放，不能撤销。学生、学校和实习单位都会看到终止原因。',
    done: '实习已终止',
    fields: ['reason'],
  },
  reassign: {
    label: '调换岗位',
    danger: false,
    confirm: '原实习结束、名额释放；新岗位按名额和比例上限占位，需重新签署三方协议和登记保险。',
    done: '已调换岗位',
    fields: ['postId', 'reason'],
  },
};

const reasonItem = (label: string) => (
  <Form.Item name="reason" label={label} rules={[{ required: true, message: '请填写理由' }, ...reasonRules.reason]}>
    <Input.TextArea rows={3} maxLength={500} showCount data-testid="ending-reason" />
  </Form.Item>
);

/** Another published post with places left, for the school to move its student to. */
function PostPicker({ currentPostId, value, onChange }: { currentPostId: string; value?: string; onChange?: (v: string) => void }) {
  const [q, setQ] = useState('');
  const posts = usePosts({ status: 'published', q: q || undefined, pageSize: 30 });
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      onSearch={setQ}
      filterOption={false}
      loading={posts.isFetching}
      placeholder="搜索岗位或企业名称"
      style={{ width: '100%' }}
      data-testid="reassign-post"
      options={(posts.data?.items ?? [])
        .filter((p) => p.id !== currentPostId && p.places > p.placesTaken)
        .map((p) => ({ value: p.id, label: `${p.title} · ${p.enterpriseName}（余 ${p.places - p.placesTaken}）` }))}
    />
  );
}

/** The form of one ending: the reason (or outcome) to give, the confirmation, and the server's refusal if any. */
function EndingModal({ internship, kind, onClose }: { internship: InternshipDetail; kind: Kind; onClose: () => void }) {
  const [form] = Form.useForm();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const spec = ACTIONS[kind];
  const act = useMutation({
    mutationFn: (body: Record<string, unknown>) => send(`/api/internships/${internship.id}/${kind}`, body),
    onSuccess: () => {
      message.success(spec.done);
      void qc.invalidateQueries({ queryKey: [KEY] });
      onClose();
    },
    onError: (e) => applyServerErrors(form, e, spec.fields),
  });
  const submit = (values: Record<string, unknown>) =>
    modal.confirm({
      title: `确定${spec.label}？`,
      content: spec.confirm,
      okText: spec.label,
      cancelText: '再想想',
      okButtonProps: { danger: spec.danger },
      onOk: () => act.mutateAsync(values).catch(() => undefined),
    });
  let fields: ReactNode;
  if (kind === 'complete') {
    fields = (
      <>
        <Form.Item name="outcome" label="实习结果" rules={[{ required: true, message: '请选择实习结果' }]}>
          <Radio.Group
            options={[
              { value: 'passed', label: '合格（记入学分银行）' },
              { value: 'failed', label: '不合格' },
            ]}
          />
        </Form.Item>
        {/* Optional: the shared Zod rule would refuse the empty field, so the input's own bounds check it. */}
        <Form.Item name="hours" label="记入学分银行的学时" extra="不填则取周志学时合计">
          <InputNumber min={1} max={10000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="comment" label="说明（可选）" rules={completeRules.comment}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </>
    );
  } else if (kind === 'reassign') {
    fields = (
      <>
        <Form.Item name="postId" label="新岗位（已发布且有空余名额）" rules={[{ required: true, message: '请选择新岗位' }]}>
          <PostPicker currentPostId={internship.postId} />
        </Form.Item>
        {reasonItem('调岗理由')}
      </>
    );
  } else {
    fields = reasonItem(kind === 'withdraw' ? '退出理由' : '终止理由');
  }
  return (
    <Modal
      open
      title={spec.label}
      onCancel={onClose}
      destroyOnHidden
      okText="提交"
      cancelText="取消"
      okButtonProps={{ danger: spec.danger, loading: act.isPending, ...{ 'data-testid': 'ending-submit' } }}
      onOk={() => form.submit()}
    >
      <RuleViolations error={act.error} title={`不能${spec.label}`} />
      <Form form={form} layout="vertical" onFinish={submit}>
        {fields}
      </Form>
    </Modal>
  );
}

/**
 * How an internship ends: completion by the school's mentor (passed or failed, hours and grade into the credit
 * bank), withdrawal by the student, termination by the school or the enterprise, reassignment by the school.
 * Each button is shown only to the parties whose request the server would accept.
 */
export function EndingCard({ internship, side }: { internship: InternshipDetail; side: Side }) {
  const roles = useInternshipRoles(internship);
  const [open, setOpen] = useState<Kind | null>(null);
  const i = internship;
  const allowed: Kind[] = [];
  if (i.status === 'active' && roles.may('complete') && roles.mentor === 'school') allowed.push('complete');
  if (isOpen(i) && side === 'student' && roles.may('withdraw')) allowed.push('withdraw');
  if (isOpen(i) && side !== 'student' && roles.may('reassign') && roles.organisation === 'school') allowed.push('reassign');
  if (isOpen(i) && side !== 'student' && roles.may('terminate') && roles.organisation) allowed.push('terminate');
  if (!allowed.length && isOpen(i)) return null;
  return (
    <Card size="small" title="实习结束与调整" data-testid="ending">
      {i.status === 'completed' && (
        <Typography.Paragraph>
          实习已于 {i.endedOn} 完成，结果：<b>{i.outcome === 'passed' ? '合格' : '不合格'}</b>
          {i.learningOutcomeId && <>，已作为岗位实习成果记入学分银行</>}。
        </Typography.Paragraph>
      )}
      {!isOpen(i) && i.status !== 'completed' && (
        <Typography.Paragraph type="secondary">本实习已于 {i.endedOn} 结束。</Typography.Paragraph>
      )}
      {i.status === 'active' && roles.mentor === 'school' && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          学校和企业的中期、终期评价齐全后，才能确认完成。
        </Typography.Paragraph>
      )}
      <Space wrap>
        {allowed.map((k) => (
          <Button
            key={k}
            danger={ACTIONS[k].danger}
            type={k === 'complete' ? 'primary' : 'default'}
            onClick={() => setOpen(k)}
            data-testid={`ending-${k}`}
          >
            {ACTIONS[k].label}
          </Button>
        ))}
      </Space>
      {open && <EndingModal internship={i} kind={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}
