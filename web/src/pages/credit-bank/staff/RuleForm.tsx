import { useQuery } from '@tanstack/react-query';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { ruleCreate, type rule } from '../../../../../contracts/credit-bank.ts';
import type { directoryEnterprisePage, directoryProgramPage, directorySchoolPage } from '../../../../../contracts/directory.ts';
import { get } from '../../../api/client.ts';
import { fieldRules } from '../../../forms/zod.ts';
import { dateValue } from '../../registry/kit/forms.ts';
import { KIND_OPTIONS } from './shared.ts';

export type RuleValues = z.input<typeof ruleCreate>;
const rules = fieldRules(ruleCreate);
export const RULE_FIELDS = Object.keys(ruleCreate.shape);

export const SCOPE_OPTIONS = [
  { value: 'outcome', label: '单项成果（按成果编码）' },
  { value: 'group', label: '成果组（某类成果、专业代码前缀、最低等级）' },
  { value: 'program', label: '整个项目（发证方在某专业代码下的全部成果）' },
];
export const MODE_OPTIONS = [
  { value: 'fixed', label: '固定学分' },
  { value: 'perHours', label: '按学时折算（每 N 学时 1 学分）' },
  { value: 'ratio', label: '按原学分比例' },
];

/** The fields of a recognition rule; the issuer is found by name among enterprises and schools (the public directory). */
export function RuleFields({
  form,
  schoolId,
  initialIssuer,
}: {
  form: FormInstance<RuleValues>;
  schoolId: string;
  initialIssuer?: { id: string; name: string };
}) {
  const [q, setQ] = useState('');
  const scope = Form.useWatch('scope', form);
  const mode = Form.useWatch('creditMode', form);
  const issuers = useQuery({
    queryKey: ['cb', 'issuers', q],
    queryFn: async () => {
      const [e, s] = await Promise.all([
        get<z.infer<typeof directoryEnterprisePage>>('/api/directory/enterprises', { q: q || undefined, pageSize: 20 }),
        get<z.infer<typeof directorySchoolPage>>('/api/directory/schools', { q: q || undefined, pageSize: 10 }),
      ]);
      return [
        ...e.items.map((x) => ({ value: x.id, label: `${x.name}（企业）` })),
        ...s.items.map((x) => ({ value: x.id, label: `${x.name}（学校）` })),
      ];
    },
  });
  const programs = useQuery({
    queryKey: ['cb', 'own-programs', schoolId],
    queryFn: () => get<z.infer<typeof directoryProgramPage>>('/api/directory/programs', { schoolId, pageSize: 100 }),
  });
  const issuerOptions = [...(initialIssuer ? [{ value: initialIssuer.id, label: initialIssuer.name }] : []), ...(issuers.data ?? [])];
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Form.Item name="scope" label="规则范围" rules={rules.scope}>
          <Select options={SCOPE_OPTIONS} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="issuerId" label="发证方（企业或学校）" rules={rules.issuerId}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            options={issuerOptions}
            loading={issuers.isFetching}
            placeholder="输入名称搜索"
          />
        </Form.Item>
      </Col>
      {scope !== 'program' && (
        <Col xs={12} md={6}>
          <Form.Item name="outcomeKind" label="成果类型" rules={rules.outcomeKind}>
            <Select allowClear options={KIND_OPTIONS} />
          </Form.Item>
        </Col>
      )}
      {scope === 'outcome' && (
        <Col xs={12} md={6}>
          <Form.Item name="outcomeCode" label="成果编码" rules={rules.outcomeCode}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
      )}
      {scope !== 'outcome' && (
        <Col xs={12} md={6}>
          <Form.Item name="field" label="专业或职业代码前缀" rules={rules.field}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
      )}
      {scope === 'group' && (
        <Col xs={12} md={6}>
          <Form.Item name="minLevel" label="最低等级" rules={rules.minLevel}>
            <InputNumber min={1} max={9} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={12}>
        <Form.Item name="targetProgramId" label="适用专业（不选则全校）" rules={rules.targetProgramId}>
          <Select
            allowClear
            loading={programs.isLoading}
            options={(programs.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.majorCode} ${p.majorName}` }))}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="targetCourseCode" label="认定为课程（代码）" rules={rules.targetCourseCode}>
          <Input maxLength={40} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="targetCourseName" label="课程名称" rules={rules.targetCourseName}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="creditMode" label="学分计算" rules={rules.creditMode}>
          <Select options={MODE_OPTIONS} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item
          name="creditValue"
          label={mode === 'perHours' ? '每多少学时 1 学分' : mode === 'ratio' ? '比例' : '学分'}
          rules={rules.creditValue}
        >
          <InputNumber min={0.01} max={1000} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="maxCredits" label="学分上限" rules={rules.maxCredits}>
          <InputNumber min={0} max={60} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="effectiveFrom" label="生效日期" rules={rules.effectiveFrom} {...dateValue}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="effectiveTo" label="失效日期（选填）" rules={rules.effectiveTo} {...dateValue}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="agreementRef" label="互认协议编号" rules={rules.agreementRef}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** A stored rule as form values (for a new version). */
export function valuesOf(r: z.infer<typeof rule>): RuleValues {
  const {
    scope,
    issuerId,
    outcomeKind,
    outcomeCode,
    field,
    minLevel,
    targetSchoolId,
    targetProgramId,
    targetCourseCode,
    targetCourseName,
    creditMode,
    creditValue,
    maxCredits,
    effectiveFrom,
    effectiveTo,
    agreementRef,
  } = r;
  return {
    scope,
    issuerId,
    outcomeKind,
    outcomeCode,
    field,
    minLevel,
    targetSchoolId,
    targetProgramId,
    targetCourseCode,
    targetCourseName,
    creditMode,
    creditValue,
    maxCredits,
    effectiveFrom,
    effectiveTo,
    agreementRef,
  };
}

/** Empty inputs become null (the schema's "not set"). */
export function nulls(v: RuleValues): RuleValues {
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === '' || x === undefined ? null : x])) as RuleValues;
}
