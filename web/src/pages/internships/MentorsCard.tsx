import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { enterpriseMentorRequest } from '../../../../contracts/internship-lifecycle.ts';
import type { z } from 'zod';
import type { teacherPage } from '../../../../contracts/teachers.ts';
import { get, put } from '../../api/client.ts';
import { applyServerErrors, fieldRules } from '../../forms/zod.ts';
import { KEY } from './api.ts';
import type { InternshipDetail } from './lifecycle-api.ts';
import { isOpen, useInternshipRoles } from './parties.ts';
import { RuleViolations } from './RuleViolations.tsx';

const personRules = fieldRules(enterpriseMentorRequest);

/** The school's teachers with a sign-in, searched by name: a mentor without an account could not comment. */
function TeacherPicker({ schoolId, value, onChange }: { schoolId: string; value?: string; onChange?: (v: string) => void }) {
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['/api/teachers', 'mentor-picker', schoolId, q],
    queryFn: () => get<z.infer<typeof teacherPage>>('/api/teachers', { schoolId, q: q || undefined, pageSize: 50 }),
    placeholderData: (prev) => prev,
  });
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      onSearch={setQ}
      filterOption={false}
      loading={list.isFetching}
      placeholder="搜索本校教师姓名"
      style={{ width: '100%', maxWidth: 320 }}
      data-testid="mentor-teacher"
      options={(list.data?.items ?? []).map((t) => ({
        value: t.id,
        label: `${t.name}${t.subjectName ? `（${t.subjectName}）` : ''}${t.hasAccount ? '' : ' · 无账号'}`,
      }))}
    />
  );
}

/**
 * The regulation's two mentors per intern: the school names one of its teachers (who then comments, evaluates
 * and confirms completion for the school), the enterprise names its mentor with a mobile number (shown masked).
 */
export function MentorsCard({ internship }: { internship: InternshipDetail }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const roles = useInternshipRoles(internship);
  const [teacherForm] = Form.useForm<{ teacherId: string }>();
  const [personForm] = Form.useForm<{ name: string; phone: string }>();
  const done = () => {
    message.success('已指定指导教师');
    void qc.invalidateQueries({ queryKey: [KEY] });
  };
  const school = useMutation({
    mutationFn: (v: { teacherId: string }) => put(`/api/internships/${internship.id}/school-mentor`, v),
    onSuccess: done,
    onError: (e) => applyServerErrors(teacherForm, e, ['teacherId']),
  });
  const person = useMutation({
    mutationFn: (v: { name: string; phone: string }) => put(`/api/internships/${internship.id}/enterprise-mentor`, v),
    onSuccess: () => {
      done();
      personForm.resetFields();
    },
    onError: (e) => applyServerErrors(personForm, e, ['name', 'phone']),
  });
  const open = isOpen(internship) && roles.may('assignMentor');
  const s = internship.schoolMentor;
  const e = internship.enterpriseMentor;
  return (
    <Card size="small" title="指导教师" data-testid="mentors">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="学校指导教师">
          {s ? (
            <>
              {s.name}
              {!s.userId && <Typography.Text type="warning">（无平台账号，暂不能在线评阅）</Typography.Text>}
            </>
          ) : (
            <Typography.Text type="secondary">未指定</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="企业指导人员">
          {e ? `${e.name} · ${e.phoneMasked}` : <Typography.Text type="secondary">未指定</Typography.Text>}
        </Descriptions.Item>
      </Descriptions>
      <RuleViolations error={school.error ?? person.error} title="不能指定" />
      {open && roles.organisation === 'school' && (
        <Form form={teacherForm} layout="vertical" onFinish={(v) => school.mutate(v)} initialValues={{ teacherId: s?.teacherId }}>
          <Form.Item
            name="teacherId"
            label={s ? '更换学校指导教师' : '指定学校指导教师'}
            rules={[{ required: true, message: '请选择本校教师' }]}
            extra="由其评阅周志、给出学校评价并确认实习完成"
          >
            <TeacherPicker schoolId={internship.schoolId} />
          </Form.Item>
          <Button htmlType="submit" loading={school.isPending} data-testid="mentor-assign">
            指定
          </Button>
        </Form>
      )}
      {open && roles.organisation === 'enterprise' && (
        <Form form={personForm} layout="vertical" onFinish={(v) => person.mutate(v)}>
          <Space wrap align="start">
            <Form.Item name="name" label={e ? '更换企业指导人员' : '企业指导人员姓名'} rules={personRules.name}>
              <Input style={{ width: 160 }} maxLength={40} />
            </Form.Item>
            <Form.Item name="phone" label="手机号码" rules={personRules.phone}>
              <Input style={{ width: 170 }} inputMode="tel" maxLength={30} />
            </Form.Item>
          </Space>
          <Button htmlType="submit" loading={person.isPending} data-testid="mentor-assign">
            指定
          </Button>
        </Form>
      )}
    </Card>
  );
}
