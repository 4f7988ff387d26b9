import { useQueryClient } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { internationalRecordInput } from '../../../../contracts/international.ts';
import {
  COMPETITION_ROLE_LABELS,
  EXCHANGE_DIRECTION_LABELS,
  EXCHANGE_PARTICIPANT_LABELS,
  INTERNATIONAL_KIND_LABELS,
  type InternationalKind,
} from '../../../../core/international/records.ts';
import { errorMessage, post, put } from '../../api/client.ts';
import { applyServerErrors, fieldRules } from '../../forms/zod.ts';
import { KEY, type InternationalRecord } from './api.ts';

const rules = fieldRules(internationalRecordInput);
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const FIELDS = [
  'kind',
  'title',
  'country',
  'partner',
  'startedOn',
  'endedOn',
  'direction',
  'participant',
  'people',
  'role',
  'awards',
  'qualification',
];

interface Values {
  kind: InternationalKind;
  title: string;
  country: string;
  partner: string;
  startedOn: Dayjs;
  endedOn?: Dayjs | null;
  direction?: string;
  participant?: string;
  people?: number | null;
  role?: string;
  awards?: number | null;
  qualification?: string;
}

/**
 * Enter a record, or correct one not yet verified (`record`): the fields the kind needs appear with it (an exchange's
 * direction, who and how many; a competition's role and awards; a recognition's qualification). The server says the
 * rest (core/international/records.ts), on the field at fault.
 */
export function RecordForm({ record, onClose }: { record?: InternationalRecord; onClose: (savedId?: string) => void }) {
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form) ?? record?.kind ?? 'exchange';
  const onFinish = async (v: Values) => {
    setBusy(true);
    setError(null);
    const body = {
      ...v,
      startedOn: v.startedOn.format('YYYY-MM-DD'),
      endedOn: v.endedOn ? v.endedOn.format('YYYY-MM-DD') : null,
      qualification: v.qualification || null,
    };
    try {
      const saved = record
        ? await put<InternationalRecord>(`/api/international/records/${record.id}`, { ...body, version: record.version })
        : await post<InternationalRecord>('/api/international/records', body);
      await qc.invalidateQueries({ queryKey: [KEY] });
      onClose(saved.id);
    } catch (e) {
      const rest = applyServerErrors(form, e, FIELDS);
      setError(Object.keys(rest).length ? Object.values(rest).join('；') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const initial = record
    ? { ...record, startedOn: dayjs(record.startedOn), endedOn: record.endedOn ? dayjs(record.endedOn) : null }
    : { kind: 'exchange' as const };
  return (
    <Modal
      open
      title={record ? '更正国际交流合作记录' : '登记国际交流合作'}
      okText={record ? '保存并重新提交核验' : '保存'}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initial}
        onFinish={(v) => void onFinish(v)}
        data-testid="international-form"
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
          <Select options={options(INTERNATIONAL_KIND_LABELS)} />
        </Form.Item>
        <Form.Item name="title" label="名称" rules={[{ required: true, message: '请填写名称' }, ...rules.title]}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap size={12} align="start">
          <Form.Item
            name="country"
            label="合作国家（地区）"
            rules={[{ required: true, message: '请填写合作国家（地区）' }, ...rules.country]}
          >
            <Input maxLength={60} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="partner" label="境外合作机构" rules={[{ required: true, message: '请填写境外合作机构' }, ...rules.partner]}>
            <Input maxLength={200} style={{ width: 240 }} />
          </Form.Item>
        </Space>
        <Space wrap size={12} align="start">
          <Form.Item name="startedOn" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="endedOn" label="结束日期（可不填）">
            <DatePicker />
          </Form.Item>
        </Space>
        {kind === 'exchange' && (
          <Space wrap size={12} align="start">
            <Form.Item name="direction" label="交流方向" rules={[{ required: true, message: '请选择交流方向' }]}>
              <Select options={options(EXCHANGE_DIRECTION_LABELS)} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="participant" label="交流对象" rules={[{ required: true, message: '请选择交流对象' }]}>
              <Select options={options(EXCHANGE_PARTICIPANT_LABELS)} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="people" label="人数" rules={[{ required: true, message: '请填写人数' }]}>
              <InputNumber min={1} precision={0} style={{ width: 100 }} />
            </Form.Item>
          </Space>
        )}
        {kind === 'competition' && (
          <Space wrap size={12} align="start">
            <Form.Item name="role" label="承办或参赛" rules={[{ required: true, message: '请选择承办或参赛' }]}>
              <Select options={options(COMPETITION_ROLE_LABELS)} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="people" label="参赛人数">
              <InputNumber min={1} precision={0} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="awards" label="获奖数">
              <InputNumber min={0} precision={0} style={{ width: 100 }} />
            </Form.Item>
          </Space>
        )}
        {kind === 'recognition' && (
          <Form.Item
            name="qualification"
            label="互认的职业资格或证书"
            rules={[{ required: true, message: '请填写互认的职业资格或证书名称' }, ...rules.qualification]}
          >
            <Input maxLength={200} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
