import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { rule, rulePage } from '../../../../../contracts/credit-bank.ts';
import { OUTCOME_KIND_LABELS } from '../../../../../core/credit-bank/kinds.ts';
import { errorMessage, get, post } from '../../../api/client.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { ResponsiveTable } from '../../../components/ResponsiveTable.tsx';
import { applyServerErrors } from '../../../forms/zod.ts';
import { MODE_OPTIONS, nulls, RULE_FIELDS, RuleFields, SCOPE_OPTIONS, valuesOf, type RuleValues } from './RuleForm.tsx';
import { todayOf } from '../../../../../core/calendar.ts';

type Rule = z.infer<typeof rule>;
type Status = Rule['status'];
const STATUS: Record<Status, { text: string; color: string }> = {
  proposed: { text: '待对方同意', color: 'gold' },
  active: { text: '生效', color: 'green' },
  archived: { text: '已归档', color: 'default' },
};
const label = (opts: { value: string; label: string }[], v: string) => opts.find((o) => o.value === v)?.label.replace(/（.*$/, '') ?? v;

/** What a rule recognises, in one line a registrar reads. */
function describe(r: Rule) {
  const what =
    r.scope === 'outcome'
      ? `${r.outcomeKind ? OUTCOME_KIND_LABELS[r.outcomeKind] : '成果'} ${r.outcomeCode ?? ''}`
      : r.scope === 'group'
        ? `${r.outcomeKind ? OUTCOME_KIND_LABELS[r.outcomeKind] : '成果'}${r.field ? ` · 代码 ${r.field}*` : ''}${r.minLevel ? ` · ${r.minLevel} 级及以上` : ''}`
        : `全部成果${r.field ? ` · 代码 ${r.field}*` : ''}`;
  const credits =
    r.creditMode === 'fixed'
      ? `${r.creditValue} 学分`
      : r.creditMode === 'perHours'
        ? `每 ${r.creditValue} 学时 1 学分`
        : `原学分 × ${r.creditValue}`;
  return `${r.issuerName}：${what.trim()} → ${r.targetCourseCode} ${r.targetCourseName}（${credits}${r.maxCredits !== null ? `，至多 ${r.maxCredits}` : ''}）`;
}

/** 认定规则: the school's recognition rules — propose, agree, propose a new version, archive with a reason. */
export function RulesPanel({ schoolId }: { schoolId: string }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [status, setStatus] = useState<Status | 'all'>('all');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<{ base: Rule | null } | null>(null);
  const [archiving, setArchiving] = useState<Rule | null>(null);
  const [reason, setReason] = useState('');
  const [form] = Form.useForm<RuleValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['cb', 'rules', status, page],
    queryFn: () =>
      get<z.infer<typeof rulePage>>('/api/credit-bank/rules', { status: status === 'all' ? undefined : status, page, pageSize: 20 }),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['cb', 'rules'] });
  const save = useMutation({
    mutationFn: (v: RuleValues) =>
      editing?.base
        ? post<Rule>(`/api/credit-bank/rules/${editing.base.id}/versions`, nulls(v))
        : post<Rule>('/api/credit-bank/rules', nulls({ ...v, targetSchoolId: schoolId })),
    onSuccess: (r) => {
      message.success(`已提出第 ${r.version} 版，待${r.issuerAgreedAt ? '本校' : '发证方'}同意后生效`);
      setEditing(null);
      refresh();
    },
    onError: (e) => {
      const left = applyServerErrors(form, e, RULE_FIELDS);
      setFormError(Object.keys(left).length ? Object.values(left).join('；') : errorMessage(e));
    },
  });
  const agree = useMutation({
    mutationFn: (id: string) => post<Rule>(`/api/credit-bank/rules/${id}/agree`),
    onSuccess: (r) => {
      message.success(r.status === 'active' ? '双方已同意，规则生效' : '已同意，待对方同意');
      refresh();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const archive = useMutation({
    mutationFn: () => post<Rule>(`/api/credit-bank/rules/${archiving!.id}/archive`, { reason }),
    onSuccess: () => {
      message.success('已归档，此后不再据此认定');
      setArchiving(null);
      setReason('');
      refresh();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const openForm = (base: Rule | null) => {
    setFormError(null);
    form.resetFields();
    form.setFieldsValue(
      base ? valuesOf(base) : { scope: 'outcome', creditMode: 'fixed', targetSchoolId: schoolId, effectiveFrom: todayOf(new Date()) },
    );
    setEditing({ base });
  };
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Card
      size="small"
      title="认定规则"
      data-testid="cb-rules"
      extra={
        <Button type="primary" onClick={() => openForm(null)}>
          新建规则
        </Button>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Segmented
          value={status}
          onChange={(v) => {
            setStatus(v as Status | 'all');
            setPage(1);
          }}
          options={[
            { value: 'all', label: '全部' },
            { value: 'proposed', label: '待同意' },
            { value: 'active', label: '生效' },
            { value: 'archived', label: '已归档' },
          ]}
        />
        <ResponsiveTable<Rule>
          rowKey={(r) => r.id}
          rowTestId="cb-rule-row"
          loading={list.isLoading}
          rows={list.data?.items ?? []}
          empty="暂无认定规则"
          page={page}
          pageSize={20}
          total={list.data?.total ?? 0}
          onPage={setPage}
          primary={{ key: 'rule', title: '规则', render: (r) => <div style={{ maxWidth: 560, whiteSpace: 'normal' }}>{describe(r)}</div> }}
          columns={[
            { key: 'scope', title: '范围', render: (r) => label(SCOPE_OPTIONS, r.scope) },
            { key: 'mode', title: '计算', render: (r) => label(MODE_OPTIONS, r.creditMode) },
            { key: 'term', title: '有效期', render: (r) => `${r.effectiveFrom} 至 ${r.effectiveTo ?? '长期'}` },
            {
              key: 'version',
              title: '版本',
              render: (r) => (
                <>
                  第 {r.version} 版 <Tag color={STATUS[r.status].color}>{STATUS[r.status].text}</Tag>
                </>
              ),
            },
            {
              key: 'actions',
              title: '操作',
              render: (r) => (
                <Space wrap size={4}>
                  {r.status === 'proposed' && !r.schoolAgreedAt && (
                    <Button size="small" type="primary" loading={agree.isPending} onClick={() => agree.mutate(r.id)}>
                      同意
                    </Button>
                  )}
                  {r.status !== 'archived' && (
                    <Button size="small" onClick={() => openForm(r)}>
                      新版本
                    </Button>
                  )}
                  {r.status !== 'archived' && (
                    <Button size="small" danger onClick={() => setArchiving(r)}>
                      归档
                    </Button>
                  )}
                  {r.status === 'archived' && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.archivedReason}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Space>
      <Modal
        open={!!editing}
        width={860}
        title={editing?.base ? `提出第 ${editing.base.version + 1} 版` : '新建认定规则'}
        okText="提出"
        confirmLoading={save.isPending}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">本校提出即视为本校同意；发证方同意后生效。新版本生效前旧版本继续适用。</Typography.Paragraph>
        {formError && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={formError} />}
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <RuleFields
            form={form}
            schoolId={schoolId}
            initialIssuer={editing?.base ? { id: editing.base.issuerId, name: editing.base.issuerName } : undefined}
          />
        </Form>
      </Modal>
      <Modal
        open={!!archiving}
        title="归档认定规则"
        okText="归档"
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: archive.isPending }}
        onOk={() => archive.mutate()}
        onCancel={() => setArchiving(null)}
      >
        <Typography.Paragraph>{archiving && describe(archiving)}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          placeholder="归档原因（如协议到期）"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
        />
      </Modal>
    </Card>
  );
}
