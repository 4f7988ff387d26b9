import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, Radio, Space, Typography } from 'antd';
import type { z } from 'zod';
import { insuranceRequest } from '../../../../contracts/internship-lifecycle.ts';
import { put, post as send } from '../../api/client.ts';
import { applyServerErrors } from '../../forms/zod.ts';
import { dateValue } from '../registry/kit/forms.ts';
import { KEY } from './api.ts';
import type { InternshipDetail, Side } from './lifecycle-api.ts';
import { RuleViolations } from './RuleViolations.tsx';

type Insurance = z.input<typeof insuranceRequest>;

/** Insurance (bought by school or enterprise, never the student) and the start, which needs both the agreement and the cover. */
export function SetupCard({ internship, side }: { internship: InternshipDetail; side: Side }) {
  const [form] = Form.useForm<Insurance>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const done = (text: string) => {
    message.success(text);
    void qc.invalidateQueries({ queryKey: [KEY] });
  };
  const insure = useMutation({
    mutationFn: (v: Insurance) => put(`/api/internships/${internship.id}/insurance`, v),
    onSuccess: () => done('已登记实习责任保险'),
    onError: (e) => applyServerErrors(form, e, ['insurer', 'policyNo', 'coverageStart', 'coverageEnd', 'payer']),
  });
  const start = useMutation({ mutationFn: () => send(`/api/internships/${internship.id}/start`, {}), onSuccess: () => done('实习已开始') });
  const ins = internship.insurance;
  const canEdit = side !== 'student' && internship.status === 'accepted';
  return (
    <Card size="small" title="保险与开始" data-testid="setup">
      <RuleViolations error={insure.error ?? start.error} title="不能开始实习" />
      {ins ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="保险公司">{ins.insurer}</Descriptions.Item>
          <Descriptions.Item label="保单号">{ins.policyNo}</Descriptions.Item>
          <Descriptions.Item label="保险期间">
            {ins.coverageStart} 至 {ins.coverageEnd}
          </Descriptions.Item>
          <Descriptions.Item label="投保方">{ins.payer === 'school' ? '学校' : '实习单位'}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Paragraph type="secondary">尚未登记实习责任保险。</Typography.Paragraph>
      )}
      {canEdit && !ins && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => insure.mutate(v)}
          initialValues={{ payer: side, coverageStart: internship.plannedStart, coverageEnd: internship.plannedEnd }}
        >
          <Space wrap align="start">
            <Form.Item name="insurer" label="保险公司" rules={[{ required: true, message: '请填写保险公司' }]}>
              <Input style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="policyNo" label="保单号" rules={[{ required: true, message: '请填写保单号' }]}>
              <Input style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="coverageStart" label="起期" {...dateValue}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="coverageEnd" label="止期" {...dateValue}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="payer" label="投保方">
              <Radio.Group
                options={[
                  { value: 'school', label: '学校' },
                  { value: 'enterprise', label: '实习单位' },
                ]}
              />
            </Form.Item>
          </Space>
          <Button htmlType="submit" loading={insure.isPending}>
            登记保险
          </Button>
        </Form>
      )}
      {canEdit && (
        <Button
          type="primary"
          style={{ marginTop: 12 }}
          disabled={!internship.agreementComplete || !internship.insured}
          loading={start.isPending}
          onClick={() => start.mutate()}
        >
          {internship.agreementComplete && internship.insured ? '开始实习' : '协议签齐并投保后才能开始实习'}
        </Button>
      )}
    </Card>
  );
}
