import { EnvironmentOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, Empty, Form, List, Select, Space, Switch, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { put, errorMessage } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { KEY, useProfile, useStudentRecommendations, type StudentProfile } from './api.ts';
import { ScoreBreakdown } from './ScoreBreakdown.tsx';

/** The student's skills and wishes, kept short for a phone: tags typed in, two switches. */
function ProfileForm({ profile }: { profile: StudentProfile }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: (v: Partial<StudentProfile>) => put<StudentProfile>('/api/matching/profile', { ...v, version: profile.version }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [KEY] });
      void message.success('已保存，推荐已按新档案更新');
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <Form layout="vertical" initialValues={profile} onFinish={(v) => save.mutate(v)} data-testid="profile-form">
      <Form.Item name="skills" label="技能">
        <Select mode="tags" placeholder="如：数控编程、CAD" tokenSeparators={[',', '，']} />
      </Form.Item>
      <Form.Item name="certificates" label="证书（如 1+X 证书）">
        <Select mode="tags" placeholder="如：1+X 数控车铣加工" tokenSeparators={[',', '，']} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="seekingInternship" label="正在找实习" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name="discoverable"
          label="允许企业发现我"
          valuePropName="checked"
          tooltip="开启后，需求对口的企业能看到您的姓名、学校、专业和技能证书；不显示证件号和电话"
        >
          <Switch />
        </Form.Item>
      </Space>
      <Button type="primary" htmlType="submit" loading={save.isPending} block>
        保存档案
      </Button>
    </Form>
  );
}

/** For a student on a phone: posts and jobs that fit, best first, each with why it scores what it scores. */
export default function StudentRecommendationsPage() {
  const profile = useProfile();
  const recs = useStudentRecommendations();
  return (
    <div data-testid="matching-student">
      <div className="cj-page-head">
        <Typography.Title level={4}>为我推荐</Typography.Title>
      </div>
      {profile.data && (
        <Collapse
          size="small"
          style={{ marginBottom: 12 }}
          items={[
            {
              key: 'p',
              label: `我的能力档案 · ${profile.data.majorName ?? '未登记专业'}${profile.data.seekingInternship ? ' · 正在找实习' : ''}`,
              children: <ProfileForm profile={profile.data} />,
            },
          ]}
        />
      )}
      {recs.error ? (
        <QueryError error={recs.error} onRetry={() => void recs.refetch()} />
      ) : (
        <>
          {recs.data && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message={`从 ${recs.data.considered} 个开放岗位和需求中挑出最对口的`}
              description={recs.data.weightsNote}
            />
          )}
          <List
            loading={recs.isLoading}
            dataSource={recs.data?.items ?? []}
            locale={{ emptyText: <Empty description="暂时没有对口的岗位，完善档案后再看看" /> }}
            renderItem={(r) => (
              <List.Item style={{ padding: '6px 0', border: 0 }}>
                <Card size="small" style={{ width: '100%' }} data-testid="recommendation-card">
                  <Space direction="vertical" size={4} style={{ width: '100%' }}>
                    <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                      {r.type === 'post' ? (
                        <Link to={`/internships/post/${r.id}`}>
                          <Typography.Text strong>{r.title}</Typography.Text>
                        </Link>
                      ) : (
                        <Typography.Text strong>{r.title}</Typography.Text>
                      )}
                      <Tag color={r.type === 'post' ? 'blue' : 'purple'}>{r.type === 'post' ? '实习' : '招聘'}</Tag>
                    </Space>
                    <Typography.Text type="secondary">
                      {r.organisationName}
                      {r.districtName && (
                        <>
                          {' '}
                          · <EnvironmentOutlined /> {r.districtName}
                        </>
                      )}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.subtitle}
                    </Typography.Text>
                    <ScoreBreakdown score={r.score} parts={r.parts} detailed />
                  </Space>
                </Card>
              </List.Item>
            )}
          />
        </>
      )}
    </div>
  );
}
