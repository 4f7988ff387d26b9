import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { account, credentialPage, outcomePage, transferPage } from '../../../../contracts/credit-bank.ts';
import { OUTCOME_KIND_LABELS } from '../../../../core/credit-bank/kinds.ts';
import { errorMessage, get, post } from '../../api/client.ts';
import { QrCode, verifyLink } from './QrCode.tsx';

type Account = z.infer<typeof account>;
type Outcomes = z.infer<typeof outcomePage>;
type Transfers = z.infer<typeof transferPage>;
type Credentials = z.infer<typeof credentialPage>;

const STATUS: Record<string, string> = { inReview: '审核中', completed: '已完成' };

/**
 * The learner's credit bank on a phone: the account and its credits, outcomes (visible as soon as issued),
 * transfer requests, and credentials to share: a QR code and a link to the public verification page.
 */
export default function LearnerPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useQuery({ queryKey: ['cb', 'me'], queryFn: () => get<Account>('/api/credit-bank/accounts/me') });
  const accountId = me.data?.id;
  const outcomes = useQuery({
    queryKey: ['cb', 'outcomes'],
    enabled: !!accountId,
    queryFn: () => get<Outcomes>('/api/credit-bank/outcomes', { accountId, pageSize: 100 }),
  });
  const transfers = useQuery({
    queryKey: ['cb', 'transfers'],
    enabled: !!accountId,
    queryFn: () => get<Transfers>('/api/credit-bank/transfers', { accountId }),
  });
  const creds = useQuery({
    queryKey: ['cb', 'credentials'],
    enabled: !!accountId,
    queryFn: () => get<Credentials>('/api/credit-bank/credentials', { accountId }),
  });
  const issue = useMutation({
    mutationFn: (body: { kind: 'outcome'; outcomeId: string } | { kind: 'transcript' }) => post('/api/credit-bank/credentials', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['cb', 'credentials'] });
      message.success('凭证已出具');
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const [sharing, setSharing] = useState<{ id: string; name: string } | null>(null);
  const link = sharing ? verifyLink(window.location.origin, sharing.id) : '';
  const copy = async () => {
    await navigator.clipboard?.writeText(link).catch(() => {});
    message.success('验证链接已复制');
  };

  if (me.error) return <Alert type="info" showIcon message={errorMessage(me.error)} />;
  const a = me.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="credit-bank-learner">
      <Typography.Title level={4}>我的学分银行</Typography.Title>
      <Card size="small" loading={me.isLoading}>
        {a && (
          <Descriptions column={1} size="small">
            <Descriptions.Item label="账号">{a.accountNo}</Descriptions.Item>
            <Descriptions.Item label="姓名">{a.holderName}</Descriptions.Item>
            <Descriptions.Item label="学习成果">{a.outcomeCount} 项</Descriptions.Item>
            <Descriptions.Item label="存入学分">{a.depositedCredits}</Descriptions.Item>
            <Descriptions.Item label="已认定学分">{a.recognisedCredits}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card size="small" title="学习成果">
        <List
          loading={outcomes.isLoading}
          dataSource={outcomes.data?.items ?? []}
          locale={{ emptyText: '暂无学习成果' }}
          renderItem={(o) => (
            <List.Item
              actions={[
                <Button
                  key="c"
                  size="small"
                  disabled={o.status !== 'active'}
                  onClick={() => issue.mutate({ kind: 'outcome', outcomeId: o.id })}
                >
                  出具凭证
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <>
                    {o.title} {o.status === 'revoked' && <Tag color="red">已撤销</Tag>}
                  </>
                }
                description={`${OUTCOME_KIND_LABELS[o.kind]} · ${o.issuerName} · ${o.achievedOn}${o.credits !== null ? ` · ${o.credits} 学分` : ''}${o.hours !== null ? ` · ${o.hours} 学时` : ''}`}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title="学分转换申请">
        <List
          loading={transfers.isLoading}
          dataSource={transfers.data?.items ?? []}
          locale={{ emptyText: '暂无申请' }}
          renderItem={(t) => (
            <List.Item>
              <List.Item.Meta
                title={t.schoolName}
                description={`${t.createdAt.slice(0, 10)} · ${t.itemCount} 项，待审核 ${t.pendingCount} 项`}
              />
              <Tag>{STATUS[t.status]}</Tag>
            </List.Item>
          )}
        />
      </Card>
      <Card
        size="small"
        title="可验证凭证"
        extra={
          <Button size="small" type="primary" onClick={() => issue.mutate({ kind: 'transcript' })}>
            出具成绩单
          </Button>
        }
      >
        <List
          loading={creds.isLoading}
          dataSource={creds.data?.items ?? []}
          locale={{ emptyText: '尚未出具凭证' }}
          renderItem={(c) => (
            <List.Item
              actions={[
                <Button
                  key="s"
                  size="small"
                  disabled={c.status !== 'active'}
                  onClick={() => setSharing({ id: c.id, name: String(c.document.name ?? '凭证') })}
                >
                  分享
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={String(c.document.name ?? '')}
                description={`${c.kind === 'transcript' ? '成绩单' : '单项成果'} · ${c.createdAt.slice(0, 10)}`}
              />
              {c.status === 'revoked' && <Tag color="red">已撤销</Tag>}
            </List.Item>
          )}
        />
      </Card>
      <Modal
        open={!!sharing}
        title="分享凭证"
        onCancel={() => setSharing(null)}
        width={360}
        centered
        footer={[
          <Button key="copy" onClick={() => void copy()}>
            复制链接
          </Button>,
          <Button key="open" type="primary" href={link} target="_blank">
            打开验证页
          </Button>,
        ]}
      >
        {sharing && (
          <Space direction="vertical" align="center" style={{ width: '100%' }} data-testid="credential-share">
            <Typography.Text strong>{sharing.name}</Typography.Text>
            <QrCode text={link} label={`凭证验证二维码：${sharing.name}`} />
            <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>
              用手机扫码，或打开下面的链接，即可在公开验证页查验此凭证是否有效
            </Typography.Text>
            <Typography.Text copyable={{ text: link }} style={{ fontSize: 12, wordBreak: 'break-all' }} data-testid="credential-link">
              {link}
            </Typography.Text>
          </Space>
        )}
      </Modal>
    </Space>
  );
}
