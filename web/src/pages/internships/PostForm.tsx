import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Typography } from 'antd';
import type { z } from 'zod';
import { postCreate } from '../../../../contracts/internships.ts';
import { patch, post as send } from '../../api/client.ts';
import { applyServerErrors, fieldRules } from '../../forms/zod.ts';
import { dateValue } from '../registry/kit/forms.ts';
import { KEY, useRules, type Post } from './api.ts';
import { MajorPicker } from './MajorPicker.tsx';
import { RuleViolations } from './RuleViolations.tsx';

const rules = fieldRules(postCreate);
/** The tasks the form asks as yes/no switches; the rest of the forbidden-task list is a multiple choice. */
const SWITCHED = new Set(['overtime', 'night_shift', 'statutory_holiday']);
const FIELDS = Object.keys(postCreate.shape);

type Values = Omit<z.input<typeof postCreate>, 'enterpriseId'>;

const EMPTY: Partial<Values> = {
  kind: 'placement',
  insurance: 'enterprise',
  dailyHours: 8,
  weeklyHours: 40,
  majorCodes: [],
  tasks: [],
  fees: [],
  nightShift: false,
  holidayWork: false,
  overtime: false,
  highRiskFiled: false,
  viaIntermediary: false,
  workplaceKind: null,
};

/** Creating or editing a draft post. The regulation is checked when publishing; the hints show its figures now. */
export function PostForm({ open, editing, onClose }: { open: boolean; editing: Post | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const policy = useRules().data;
  const wage = Form.useWatch('samePostWageYuan', form);
  const tasks = Form.useWatch('tasks', form) ?? [];
  const save = useMutation({
    mutationFn: (input: Values) => {
      // A cleared choice is sent as null, so that editing can also clear it.
      const v = { ...input, workplaceKind: input.workplaceKind ?? null, location: input.location || null };
      return editing
        ? patch<Post>(`/api/internship-posts/${editing.id}`, { ...v, version: editing.version })
        : send<Post>('/api/internship-posts', v);
    },
    onSuccess: () => {
      message.success(editing ? '草稿已保存' : '岗位草稿已创建，检查无误后请发布');
      void qc.invalidateQueries({ queryKey: [KEY] });
      onClose();
    },
    onError: (e) => applyServerErrors(form, e, FIELDS),
  });
  const floor = policy && typeof wage === 'number' ? Math.ceil(wage * policy.payFloor.value) : null;
  const initial = editing ? { ...editing, location: editing.location ?? undefined } : EMPTY;
  const half = { xs: 24, md: 12 };
  return (
    <Modal
      open={open}
      title={editing ? `修改岗位：${editing.title}` : '新建实习岗位'}
      onCancel={onClose}
      footer={null}
      width={860}
      destroyOnHidden
    >
      <RuleViolations error={save.error} />
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} data-testid="post-form">
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="title" label="岗位名称" rules={[{ required: true, message: '请填写岗位名称' }, ...rules.title]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="kind" label="实习类型" rules={rules.kind}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'placement', label: '岗位实习' },
                  { value: 'observation', label: '认识实习' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="majorCodes" label="面向专业">
              <MajorPicker known={editing?.majors} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="places" label="实习名额" rules={[{ required: true, message: '请填写名额' }, ...rules.places]}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="positionStaff"
              label="同类岗位在岗职工"
              rules={[{ required: true, message: '请填写人数' }, ...rules.positionStaff]}
              extra={policy && `岗位实习生不超过其${policy.positionCap.value * 100}%`}
            >
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="samePostWageYuan"
              label="相同岗位月工资(元)"
              rules={[{ required: true, message: '请填写' }, ...rules.samePostWageYuan]}
            >
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="monthlyPayYuan"
              label="实习月报酬(元)"
              rules={[{ required: true, message: '请填写' }, ...rules.monthlyPayYuan]}
              extra={floor !== null && `岗位实习不低于 ${floor} 元（${policy!.payFloor.article}）`}
            >
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="dailyHours" label="每日小时" rules={rules.dailyHours} extra={policy && `不超过${policy.dailyHours.value}小时`}>
              <InputNumber min={1} max={24} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="weeklyHours"
              label="每周小时"
              rules={rules.weeklyHours}
              extra={policy && `不超过${policy.weeklyHours.value}小时`}
            >
              <InputNumber min={1} max={168} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="startDate"
              label="开始日期"
              rules={[{ required: true, message: '请选择日期' }, ...rules.startDate]}
              {...dateValue}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="endDate" label="结束日期" rules={[{ required: true, message: '请选择日期' }, ...rules.endDate]} {...dateValue}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="location" label="实习地点">
              <Input maxLength={200} placeholder="如：郑州市经开区第八大街 ××号" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Typography.Text strong>班次与安排</Typography.Text>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 16px', marginTop: 8 }}>
              <Form.Item name="nightShift" valuePropName="checked">
                <Checkbox>安排夜班</Checkbox>
              </Form.Item>
              <Form.Item name="holidayWork" valuePropName="checked">
                <Checkbox>法定节假日上班</Checkbox>
              </Form.Item>
              <Form.Item name="overtime" valuePropName="checked">
                <Checkbox>需要加班</Checkbox>
              </Form.Item>
              <Form.Item name="viaIntermediary" valuePropName="checked">
                <Checkbox>通过中介机构安排</Checkbox>
              </Form.Item>
            </div>
          </Col>
          <Col {...half}>
            <Form.Item name="tasks" label="实习内容涉及">
              <Select
                mode="multiple"
                allowClear
                placeholder="无"
                options={(policy?.tasks.items ?? []).filter((t) => !SWITCHED.has(t.code)).map((t) => ({ value: t.code, label: t.name }))}
              />
            </Form.Item>
            {tasks.includes('high_risk') && (
              <Form.Item name="highRiskFiled" valuePropName="checked">
                <Checkbox>特殊专业/岗位，已报上级主管部门备案</Checkbox>
              </Form.Item>
            )}
          </Col>
          <Col {...half}>
            <Form.Item name="workplaceKind" label="工作场所">
              <Select
                allowClear
                placeholder="一般工作场所"
                options={(policy?.workplaces.items ?? []).map((t) => ({ value: t.code, label: t.name }))}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="fees" label="向学生收取的费用或财物">
              <Select
                mode="multiple"
                allowClear
                placeholder="无"
                options={(policy?.fees.items ?? []).map((t) => ({ value: t.code, label: t.name }))}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="insurance" label="实习责任保险" rules={rules.insurance}>
              <Radio.Group
                options={[
                  { value: 'enterprise', label: '企业投保' },
                  { value: 'school', label: '学校投保' },
                  { value: 'none', label: '未安排' },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={save.isPending} block data-testid="post-save">
          {editing ? '保存草稿' : '创建草稿'}
        </Button>
      </Form>
    </Modal>
  );
}
