import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ENTERPRISE_SIZE_LABELS } from '../../../../../contracts/enterprises.ts';
import { registrationReject, REGISTRATION_STATUSES, type Registration } from '../../../../../contracts/registrations.ts';
import { errorMessage, post } from '../../../api/client.ts';
import { useCan } from '../kit/can.ts';
import { num, PhoneRow } from '../kit/cells.tsx';
import { rulesOf } from '../kit/forms.ts';
import { ListPage, type ListColumn } from '../kit/ListPage.tsx';
import { useChoices } from '../kit/options.tsx';
import { label, REGISTRATION_STATUS_LABELS } from '../labels.ts';

const ENDPOINT = '/api/registrations';
const rejectRules = rulesOf(registrationReject);
const time = (t: string | null) => (t ? dayjs(t).format('YYYY-MM-DD HH:mm') : '—');
const statusTag = (r: Registration) => (
  <Tag color={r.status === 'pending' ? 'orange' : r.status === 'approved' ? 'green' : 'red'}>
    {label(REGISTRATION_STATUS_LABELS, r.status)}
  </Tag>
);

/**
 * 企业注册审核: enterprises that registered themselves on the public page wait here for their district (or
 * the bureau) to approve them — which activates the enterprise and its admin account — or to reject them
 * with a reason. The queue opens on the pending ones.
 */
export default function RegistrationsPage() {
  const can = useCan();
  const choices = useChoices();
  const [rejecting, setRejecting] = useState<Registration | null>(null);
  const mayReview = can({ resource: 'enterpriseRegistration', action: 'review' });
  const [params, setParams] = useSearchParams();
  // The queue opens on what waits for a decision; clearing the filter then shows every registration.
  useEffect(() => {
    if (!params.has('status')) setParams({ status: 'pending' }, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const review = (r: Registration) =>
    mayReview &&
    r.status === 'pending' && (
      <Space>
        <ApproveButton registration={r} />
        <Button size="small" danger icon={<CloseOutlined />} onClick={() => setRejecting(r)} data-testid="reject">
          不予通过
        </Button>
      </Space>
    );

  const columns: ListColumn<Registration>[] = [
    {
      key: 'enterprise',
      title: '企业',
      render: (_, r) => (
        <div style={{ minWidth: 160 }}>
          <div>{r.enterpriseName}</div>
          <Typography.Text type="secondary" className="cj-mono">
            {r.uscc}
          </Typography.Text>
        </div>
      ),
    },
    { key: 'district', title: '区县(市)', render: (_, r) => r.districtName ?? '—' },
    { key: 'size', title: '规模 · 职工', render: (_, r) => `${label(ENTERPRISE_SIZE_LABELS, r.size)} · ${num(r.staffCount)}` },
    { key: 'industry', title: '行业代码', render: (_, r) => <span className="cj-mono">{r.industryCode}</span> },
    {
      key: 'contact',
      title: '联系人 / 账号',
      render: (_, r) => (
        <>
          {r.contactName}
          <div className="cj-mono">{r.username}</div>
        </>
      ),
    },
    { key: 'submitted', title: '提交时间', render: (_, r) => time(r.submittedAt) },
    {
      key: 'status',
      title: '状态',
      render: (_, r) => (
        <>
          {statusTag(r)}
          {r.reviewedAt && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.reviewerName} · {time(r.reviewedAt)}
              </Typography.Text>
            </div>
          )}
          {r.reason && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                理由：{r.reason}
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    { key: 'review', title: '审核', render: (_, r) => review(r) },
  ];

  return (
    <>
      <ListPage<Registration>
        testId="registry-registrations"
        title="企业注册审核"
        subtitle="企业在公开页面自主注册，由所在区县(市)或市教育局审核后启用"
        endpoint={ENDPOINT}
        exportPath="/api/exports/registrations"
        filters={[
          {
            name: 'status',
            label: '状态',
            kind: 'select',
            options: REGISTRATION_STATUSES.map((s) => ({ value: s, label: label(REGISTRATION_STATUS_LABELS, s) })),
          },
          { name: 'q', label: '企业名称或信用代码', kind: 'text' },
          { name: 'districtId', label: '区县(市)', kind: 'select', options: choices.districts, loading: choices.loading },
        ]}
        sorts={[]}
        defaultSort=""
        columns={columns}
        detailPath={(r) => `/registry/enterprises/${r.enterpriseId}`}
        phoneCard={(r) => (
          <PhoneRow
            to={`/registry/enterprises/${r.enterpriseId}`}
            title={r.enterpriseName}
            tags={statusTag(r)}
            lines={[
              <span className="cj-mono" key="u">
                {r.uscc}
              </span>,
              `${r.districtName ?? '—'} · ${r.contactName}（${r.username}） · ${time(r.submittedAt)}`,
              r.reason && `理由：${r.reason}`,
              review(r),
            ]}
          />
        )}
      />
      <RejectModal registration={rejecting} onClose={() => setRejecting(null)} />
    </>
  );
}

function useReviewDone() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [ENDPOINT] }),
      queryClient.invalidateQueries({ queryKey: ['/api/enterprises'] }),
    ]);
}

function ApproveButton({ registration }: { registration: Registration }) {
  const { message, modal } = App.useApp();
  const done = useReviewDone();
  const approve = useMutation({
    mutationFn: () => post<Registration>(`${ENDPOINT}/${registration.id}/approve`),
    onSuccess: async () => {
      await done();
      message.success(`已通过：${registration.enterpriseName}，其管理员账号 ${registration.username} 可以登录了`);
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Button
      size="small"
      type="primary"
      icon={<CheckOutlined />}
      loading={approve.isPending}
      data-testid="approve"
      onClick={() =>
        modal.confirm({
          title: `通过 ${registration.enterpriseName} 的注册？`,
          content: '通过后企业进入登记册，其管理员账号即可登录。请先核对统一社会信用代码与营业执照一致。',
          okText: '通过',
          cancelText: '取消',
          onOk: () => approve.mutateAsync(),
        })
      }
    >
      通过
    </Button>
  );
}

function RejectModal({ registration, onClose }: { registration: Registration | null; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const done = useReviewDone();
  const reject = useMutation({
    mutationFn: (reason: string) => post<Registration>(`${ENDPOINT}/${registration!.id}/reject`, { reason }),
    onSuccess: async () => {
      await done();
      message.success('已不予通过');
      form.resetFields();
      onClose();
    },
    onError: (e) => form.setFields([{ name: 'reason', errors: [errorMessage(e)] }]),
  });
  return (
    <Modal
      open={Boolean(registration)}
      title={`不予通过：${registration?.enterpriseName ?? ''}`}
      onCancel={onClose}
      destroyOnHidden
      okText="确认不予通过"
      okButtonProps={{ danger: true, loading: reject.isPending }}
      cancelText="取消"
      onOk={() => form.submit()}
    >
      <Form form={form} layout="vertical" onFinish={(v) => reject.mutate(v.reason)}>
        <Form.Item
          name="reason"
          label="理由（将告知注册人）"
          rules={[{ required: true, message: '请填写不予通过的理由' }, ...rejectRules.reason]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
