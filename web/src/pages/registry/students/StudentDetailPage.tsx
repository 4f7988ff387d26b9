import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Student } from '../../../../../contracts/registry.ts';
import { errorMessage, get } from '../../../api/client.ts';
import { ArchiveButton } from '../kit/ArchiveButton.tsx';
import { useCan } from '../kit/can.ts';
import { DetailShell, EditButton } from '../kit/DetailShell.tsx';
import { RecordDrawer } from '../kit/RecordDrawer.tsx';
import { useRecord } from '../kit/useRecord.ts';
import { label, SEX_LABELS, STUDENT_STATUS_LABELS } from '../labels.ts';
import { StudentForm } from './StudentForm.tsx';

interface PersonalInfo {
  idNumber: string;
  phone: string | null;
}

export default function StudentDetailPage() {
  const query = useRecord<Student>('/api/students');
  const can = useCan();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  // The clear values are fetched only on request (each read is logged on the server) and never cached.
  const reveal = useMutation({
    mutationFn: (id: string) => get<PersonalInfo>(`/api/students/${id}/personal-info`),
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <DetailShell
      testId="registry-student"
      query={query}
      backTo="/registry/students"
      backLabel="学生"
      title={(s) => s.name}
      tags={(s) => (s.archived ? <Tag>已归档</Tag> : <Tag color="blue">{label(STUDENT_STATUS_LABELS, s.status)}</Tag>)}
      actions={(s) => (
        <>
          {can({ resource: 'studentPersonalInfo', action: 'read' }, { organisationId: s.schoolId }) && !reveal.data && (
            <Button icon={<EyeOutlined />} loading={reveal.isPending} onClick={() => reveal.mutate(s.id)} data-testid="reveal">
              查看身份证号原文
            </Button>
          )}
          {can({ resource: 'student', action: 'archive' }) && <ArchiveButton endpoint="/api/students" record={s} archived={s.archived} />}
          {!s.archived && can({ resource: 'student', action: 'update' }) && <EditButton onClick={() => setEditing(true)} />}
        </>
      )}
    >
      {(s) => (
        <>
          <Card className="cj-section">
            <Descriptions column={{ xs: 1, sm: 2, xl: 3 }} size="small">
              <Descriptions.Item label="学校">
                <Link to={`/registry/schools/${s.schoolId}`}>{s.schoolName}</Link>
              </Descriptions.Item>
              <Descriptions.Item label="专业">
                {s.programId ? <Link to={`/registry/programs/${s.programId}`}>{s.programName}</Link> : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="入学年份">{s.cohort}</Descriptions.Item>
              <Descriptions.Item label="性别">{label(SEX_LABELS, s.sex)}</Descriptions.Item>
              <Descriptions.Item label="出生日期">{s.birthDate}</Descriptions.Item>
              <Descriptions.Item label="身份证号">
                <span className="cj-mono">{reveal.data?.idNumber ?? s.idNumberMasked}</span>
              </Descriptions.Item>
              <Descriptions.Item label="手机号码">
                <span className="cj-mono">{reveal.data ? (reveal.data.phone ?? '—') : (s.phoneMasked ?? '—')}</span>
              </Descriptions.Item>
              <Descriptions.Item label="平台账号">{s.hasAccount ? '已开通' : '未开通'}</Descriptions.Item>
            </Descriptions>
            {reveal.data && (
              <Tag color="orange" style={{ marginTop: 8 }}>
                本次查看已记录
              </Tag>
            )}
          </Card>
          <RecordDrawer open={editing} title={`编辑：${s.name}`} onClose={() => setEditing(false)}>
            <StudentForm record={s} onSaved={() => setEditing(false)} onReload={() => query.refetch()} />
          </RecordDrawer>
        </>
      )}
    </DetailShell>
  );
}
