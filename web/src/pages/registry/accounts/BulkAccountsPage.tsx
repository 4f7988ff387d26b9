import { CopyOutlined, DownloadOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Form, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { BULK_ACCOUNT_BATCH, type BulkAccountResult } from '../../../../../contracts/bulk-accounts.ts';
import { errorMessage, get, post } from '../../../api/client.ts';
import { useIsPhone } from '../../../hooks/useMediaQuery.ts';
import { useOwnOrganisations } from '../kit/can.ts';
import { useSchoolChoices } from '../kit/options.tsx';

type Created = BulkAccountResult['created'][number];
const KIND: Record<string, string> = { teacher: '教师', student: '学生' };

/** How many of the school's teachers or students have no account yet (the list's total, one row fetched). */
function useWithoutAccount(kind: 'teachers' | 'students', schoolId: string | undefined) {
  return useQuery({
    queryKey: [`/api/${kind}`, 'without-account', schoolId],
    enabled: Boolean(schoolId),
    queryFn: ({ signal }) => get<{ total: number }>(`/api/${kind}`, { schoolId, hasAccount: 'false', pageSize: 1 }, { signal }),
  });
}

/**
 * 批量开通账号: accounts for a school's teachers and students, a batch of BULK_ACCOUNT_BATCH at a time. The
 * initial passwords exist only in the server's answer, so they are shown here once, to copy or save, and
 * are gone when the page is left; each user must change theirs at first sign-in.
 */
export default function BulkAccountsPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const own = useOwnOrganisations('school');
  const [params, setParams] = useSearchParams();
  const schools = useSchoolChoices(own.length !== 1);
  const schoolId = own.length === 1 ? own[0]!.id : (params.get('schoolId') ?? undefined);
  const [who, setWho] = useState<string[]>(['teachers', 'students']);
  const [results, setResults] = useState<BulkAccountResult[]>([]);
  const teachers = useWithoutAccount('teachers', schoolId);
  const students = useWithoutAccount('students', schoolId);

  const created = results.flatMap((r) => r.created);
  const skipped = results.flatMap((r) => r.skipped);
  const last = results.at(-1);

  // Leaving the page loses the passwords: the browser asks first.
  useEffect(() => {
    if (!created.length) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [created.length]);

  const run = useMutation({
    mutationFn: () =>
      post<BulkAccountResult>(`/api/schools/${schoolId}/accounts/bulk`, {
        allTeachersWithoutAccount: who.includes('teachers') || undefined,
        allStudentsWithoutAccount: who.includes('students') || undefined,
      }),
    onSuccess: async (r) => {
      setResults((all) => [...all, r]);
      message.success(`已开通 ${r.created.length} 个账号`);
      await Promise.all(['/api/teachers', '/api/students'].map((k) => queryClient.invalidateQueries({ queryKey: [k] })));
    },
    onError: (e) => message.error(errorMessage(e)),
  });

  const chooseSchool = (id: string) => {
    setResults([]);
    setParams({ schoolId: id });
  };
  const sheet = () =>
    ['类型\t姓名\t用户名\t初始密码', ...created.map((c) => `${KIND[c.kind]}\t${c.name}\t${c.username}\t${c.initialPassword}`)].join('\n');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(sheet());
      message.success('已复制，可粘贴到表格中');
    } catch {
      message.error('浏览器不允许复制，请改用下载');
    }
  };
  const download = () => {
    // Made in the browser from this answer; nothing is fetched again (the server keeps no clear password).
    const csv =
      '\ufeff' +
      ['类型,姓名,用户名,初始密码', ...created.map((c) => [KIND[c.kind], c.name, c.username, c.initialPassword].join(','))].join('\r\n');
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    a.download = '初始密码.csv';
    a.click();
    URL.revokeObjectURL(a.href);
  };

  const phone = useIsPhone();
  const saveButtons = (
    <Space wrap>
      <Button icon={<CopyOutlined />} onClick={() => void copy()}>
        复制全部
      </Button>
      <Button icon={<DownloadOutlined />} onClick={download}>
        下载
      </Button>
    </Space>
  );
  const remaining =
    last?.remaining ?? (teachers.data && students.data ? { teachers: teachers.data.total, students: students.data.total } : undefined);
  const nothingLeft =
    remaining && (!who.includes('teachers') || remaining.teachers === 0) && (!who.includes('students') || remaining.students === 0);

  return (
    <div data-testid="registry-bulk-accounts">
      <div className="cj-page-head">
        <Typography.Title level={3}>批量开通账号</Typography.Title>
        <Typography.Text type="secondary">
          为学校的教师和学生开通平台账号；每批最多 {BULK_ACCOUNT_BATCH} 人，初始密码只显示一次
        </Typography.Text>
      </div>
      <Card className="cj-section">
        <Form layout="vertical">
          <Row gutter={[16, 0]}>
            {own.length !== 1 && (
              <Col xs={24} md={12} xl={8}>
                <Form.Item label="学校" required>
                  <Select
                    value={schoolId}
                    onChange={chooseSchool}
                    options={schools.options}
                    loading={schools.loading}
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder="选择学校"
                    data-testid="bulk-school"
                  />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={12} xl={8}>
              <Form.Item label="开通对象">
                <Checkbox.Group
                  value={who}
                  onChange={(v) => setWho(v as string[])}
                  options={[
                    { value: 'teachers', label: '未开通账号的教师' },
                    { value: 'students', label: '未开通账号的学生' },
                  ]}
                />
              </Form.Item>
            </Col>
          </Row>
          {schoolId && (
            <Row gutter={[16, 16]} className="cj-section">
              <Col xs={12} md={6}>
                <Statistic title="未开通账号的教师" value={remaining?.teachers ?? '…'} suffix="人" />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title="未开通账号的学生" value={remaining?.students ?? '…'} suffix="人" />
              </Col>
            </Row>
          )}
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            disabled={!schoolId || who.length === 0 || Boolean(nothingLeft)}
            loading={run.isPending}
            onClick={() => run.mutate()}
            data-testid="bulk-run"
          >
            {results.length ? `继续开通下一批（最多${BULK_ACCOUNT_BATCH}人）` : `开通账号（最多${BULK_ACCOUNT_BATCH}人）`}
          </Button>
          {nothingLeft && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
              所选人员均已开通账号
            </Typography.Text>
          )}
        </Form>
      </Card>
      {created.length > 0 && (
        <Card className="cj-section" title={`本次开通的账号（${created.length}）`} data-testid="bulk-result" extra={!phone && saveButtons}>
          {phone && <div className="cj-section">{saveButtons}</div>}
          <Alert
            type="warning"
            showIcon
            className="cj-section"
            title="初始密码只显示这一次"
            description="平台不保存初始密码原文，离开本页后无法再次查看。请立即复制或下载，分别告知本人；首次登录时须修改密码。"
          />
          <Table<Created>
            rowKey="userId"
            size="small"
            dataSource={created}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            columns={
              phone
                ? [
                    {
                      // A phone stacks each account so the password is never cut off.
                      key: 'account',
                      title: '账号',
                      render: (_, c) => (
                        <div className="cj-phone-row">
                          <div className="cj-phone-row-title">
                            <Tag>{KIND[c.kind]}</Tag>
                            {c.name}
                          </div>
                          <div>
                            用户名 <span className="cj-mono">{c.username}</span>
                          </div>
                          <div>
                            初始密码{' '}
                            <Typography.Text className="cj-mono" copyable>
                              {c.initialPassword}
                            </Typography.Text>
                          </div>
                        </div>
                      ),
                    },
                  ]
                : [
                    { key: 'kind', title: '类型', render: (_, c) => <Tag>{KIND[c.kind]}</Tag> },
                    { key: 'name', title: '姓名', dataIndex: 'name' },
                    { key: 'username', title: '用户名', render: (_, c) => <span className="cj-mono">{c.username}</span> },
                    {
                      key: 'password',
                      title: '初始密码',
                      render: (_, c) => (
                        <Typography.Text className="cj-mono" copyable>
                          {c.initialPassword}
                        </Typography.Text>
                      ),
                    },
                  ]
            }
          />
        </Card>
      )}
      {skipped.length > 0 && (
        <Card className="cj-section" title={`未开通（${skipped.length}）`}>
          <Table
            rowKey="recordId"
            size="small"
            dataSource={skipped}
            pagination={false}
            columns={[
              { key: 'kind', title: '类型', render: (_, s) => KIND[s.kind] },
              { key: 'name', title: '姓名', dataIndex: 'name' },
              { key: 'reason', title: '原因', dataIndex: 'reason' },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
