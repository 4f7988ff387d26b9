import { ClockCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, Form, Input, InputNumber, Result, Row, Select, Steps, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import type { codeValidateResponse } from '../../../../contracts/codes.ts';
import type { directoryIndustries } from '../../../../contracts/directory.ts';
import { ENTERPRISE_SIZE_LABELS, ENTERPRISE_SIZES } from '../../../../contracts/enterprises.ts';
import { registrationRequest, type RegistrationRequest } from '../../../../contracts/registrations.ts';
import { passwordProblem } from '../../../../core/auth/password-policy.ts';
import { ApiError, errorMessage, get, post } from '../../api/client.ts';
import { applyServerErrors, fieldRules } from '../../forms/zod.ts';
import { useDirectoryOptions } from '../directory/DirectoryPage.tsx';
import { PublicShell } from '../directory/PublicShell.tsx';

type Values = RegistrationRequest & { confirm: string };
type Submitted = { id: string; status: 'pending'; message: string };
type Industries = z.infer<typeof directoryIndustries>;
const rules = fieldRules(registrationRequest);
const FIELDS = Object.keys(registrationRequest.shape);

/**
 * The USCC is checked by the server's public validator as it is typed (GB 32100-2015 check character), so the
 * reason shown is the server's own; if the check cannot be reached the form lets it through to the submit,
 * which checks again.
 */
async function checkUscc(value: string) {
  if (!value?.trim()) return;
  try {
    const r = await post<z.infer<typeof codeValidateResponse>>('/api/codes/validate', { kind: 'uscc', value: value.trim() });
    if (!r.valid) throw new Error(r.reason);
  } catch (e) {
    if (e instanceof ApiError) return;
    throw e;
  }
}

const withPicked = (options: { value: string; label: string }[], picked: { value: string; label: string } | null) =>
  picked && !options.some((o) => o.value === picked.value) ? [picked, ...options] : options;

/** 企业自主注册: an enterprise enters its register facts and its admin account; its district (or the bureau) approves it. */
export default function RegisterPage() {
  const [form] = Form.useForm<Values>();
  const options = useDirectoryOptions();
  const [industryText, setIndustryText] = useState('');
  // The chosen industry stays labelled after the search text changes (the options only hold the last search).
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const [submitted, setSubmitted] = useState<{ result: Submitted; districtName: string } | null>(null);

  const industries = useQuery({
    queryKey: ['directory', 'industries', industryText],
    queryFn: ({ signal }) => get<Industries>('/api/directory/industries', { q: industryText }, { signal }),
    enabled: industryText.trim().length > 0,
    staleTime: 10 * 60_000,
  });

  const submit = useMutation({
    mutationFn: ({ confirm: _confirm, ...values }: Values) => post<Submitted>('/api/registrations', registrationRequest.parse(values)),
    onSuccess: (result) => {
      const districtId = form.getFieldValue('districtId');
      setSubmitted({ result, districtName: options.data?.districts.find((d) => d.id === districtId)?.name ?? '所在区县(市)' });
      window.scrollTo({ top: 0 });
    },
    onError: (error) => applyServerErrors(form, error, FIELDS),
  });

  if (submitted) {
    return (
      <PublicShell>
        <Card style={{ maxWidth: 720, margin: '0 auto' }} data-testid="registration-submitted">
          <Result
            icon={<ClockCircleOutlined style={{ color: '#faad14' }} />}
            title="注册申请已提交，等待区县审核"
            subTitle={`${submitted.result.message}。审核单位：${submitted.districtName}教育主管部门或市教育局。`}
            extra={[
              <Link key="login" to="/login">
                <Button type="primary">返回登录</Button>
              </Link>,
              <Link key="dir" to="/directory">
                <Button>浏览公开名录</Button>
              </Link>,
            ]}
          >
            <Steps
              size="small"
              current={1}
              status="process"
              responsive
              items={[
                { title: '提交注册', description: '已完成' },
                { title: '区县审核', description: '审核中' },
                { title: '登录平台', description: '审核通过后' },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
              申请编号：{submitted.result.id}
            </Typography.Paragraph>
          </Result>
        </Card>
      </PublicShell>
    );
  }

  const otherError =
    submit.error &&
    !(submit.error instanceof ApiError && submit.error.fields && Object.keys(submit.error.fields).some((f) => FIELDS.includes(f)));
  return (
    <PublicShell>
      <div style={{ maxWidth: 880, margin: '0 auto' }} data-testid="registration-page">
        <div className="cj-page-head">
          <Typography.Title level={3}>企业注册</Typography.Title>
          <Typography.Text type="secondary">
            企业填写登记信息和管理员账号，经所在区县(市)或市教育局审核通过后即可登录平台，维护企业信息、发布实习岗位。
          </Typography.Text>
        </div>
        {otherError && <Alert type="error" showIcon title={errorMessage(submit.error)} style={{ marginBottom: 16 }} />}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => submit.mutate(v)}
          disabled={submit.isPending}
          scrollToFirstError
          initialValues={{ aboveDesignatedSize: false }}
        >
          <Card title="企业信息" size="small" style={{ marginBottom: 16 }}>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="uscc"
                  required
                  label="统一社会信用代码"
                  validateDebounce={400}
                  hasFeedback
                  rules={[...rules.uscc, { validator: (_r, v: string) => checkUscc(v) }]}
                  extra="18位，按营业执照填写，系统将实时校验"
                >
                  <Input
                    maxLength={18}
                    placeholder="如 91410100XXXXXXXXXX"
                    style={{ fontFamily: 'monospace' }}
                    autoComplete="off"
                    data-testid="reg-uscc"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="name" required label="企业名称" rules={rules.name}>
                  <Input placeholder="与营业执照一致" data-testid="reg-name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="districtId"
                  label="所在区县(市)/开发区"
                  rules={[{ required: true, message: '请选择所在区县(市)' }]}
                  extra="由该区县(市)审核您的注册"
                >
                  <Select
                    placeholder="请选择"
                    loading={options.isPending}
                    options={options.data?.districts.map((d) => ({ value: d.id, label: d.name }))}
                    data-testid="reg-district"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="industryCode"
                  label="所属行业（GB/T 4754-2017）"
                  rules={[{ required: true, message: '请选择所属行业' }, ...rules.industryCode]}
                >
                  <Select
                    showSearch={{ filterOption: false, onSearch: setIndustryText }}
                    placeholder="输入行业代码或名称查找，如 3411 或 锅炉"
                    data-testid="reg-industry"
                    loading={industries.isFetching}
                    notFoundContent={industryText ? '没有匹配的行业' : '请输入行业代码或名称'}
                    onChange={(v: string, o) => setPicked(o && !Array.isArray(o) ? { value: v, label: String(o.label) } : null)}
                    options={withPicked(industries.data?.items.map((i) => ({ value: i.code, label: `${i.code} ${i.name}` })) ?? [], picked)}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="clusterCode" label="所属产业集群（选填）">
                  <Select allowClear placeholder="请选择" options={options.data?.clusters.map((c) => ({ value: c.code, label: c.name }))} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="size" label="企业规模" rules={[{ required: true, message: '请选择企业规模' }]}>
                  <Select
                    placeholder="请选择"
                    options={ENTERPRISE_SIZES.map((s) => ({ value: s, label: ENTERPRISE_SIZE_LABELS[s] }))}
                    data-testid="reg-size"
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="staffCount" label="职工人数" rules={[{ required: true, message: '请填写职工人数' }, ...rules.staffCount]}>
                  <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="reg-staff" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="payrollYuan" label="上年度职工工资总额（元，选填）">
                  <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="aboveDesignatedSize" valuePropName="checked">
                  <Checkbox>规模以上企业</Checkbox>
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card title="联系人与管理员账号" size="small" style={{ marginBottom: 16 }}>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="displayName"
                  required
                  label="联系人姓名"
                  rules={rules.displayName}
                  extra="即企业管理员，审核结果以此账号登录查看"
                >
                  <Input data-testid="reg-contact" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="username" required label="登录用户名" rules={rules.username}>
                  <Input autoComplete="username" autoCapitalize="none" spellCheck={false} data-testid="reg-username" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="password"
                  label="密码"
                  dependencies={['username']}
                  rules={[
                    { required: true, message: '请设置密码' },
                    ({ getFieldValue }) => ({
                      validator: async (_r, v: string) => {
                        const p = v ? passwordProblem(v, getFieldValue('username') ?? '') : null;
                        if (p) throw new Error(p);
                      },
                    }),
                  ]}
                  extra="至少10位，含大写字母、小写字母、数字、符号中的至少三类"
                >
                  <Input.Password autoComplete="new-password" data-testid="reg-password" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="confirm"
                  label="确认密码"
                  dependencies={['password']}
                  rules={[
                    { required: true, message: '请再次输入密码' },
                    ({ getFieldValue }) => ({
                      validator: async (_r, v: string) => {
                        if (v && v !== getFieldValue('password')) throw new Error('两次输入的密码不一致');
                      },
                    }),
                  ]}
                >
                  <Input.Password autoComplete="new-password" data-testid="reg-confirm" />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Button type="primary" htmlType="submit" size="large" block loading={submit.isPending} data-testid="reg-submit">
            提交注册申请
          </Button>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, textAlign: 'center' }}>
            已有账号？<Link to="/login">直接登录</Link>
          </Typography.Paragraph>
        </Form>
      </div>
    </PublicShell>
  );
}
