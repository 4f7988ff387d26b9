import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, List, Pagination, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { post as send } from '../../api/client.ts';
import { useMe } from '../../auth/session.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { KEY, usePosts, type Post } from './api.ts';
import { KIND_LABELS, POST_STATUS } from './labels.ts';
import { PostForm } from './PostForm.tsx';
import { PostTerms } from './PostTerms.tsx';
import { RuleViolations } from './RuleViolations.tsx';
import { ShareCard } from './ShareCard.tsx';

const PAGE_SIZE = 10;

/**
 * The enterprise's posts: drafts are edited and published; publishing checks the regulation and a refusal
 * lists each rule broken (its Chinese name and article) under the post, next to the button to fix it.
 */
export default function EnterprisePostsPage() {
  const me = useMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const enterpriseId = me.roles.find((r) => r.role === 'enterprise_admin')?.organisation.id;
  const [page, setPage] = useState(1);
  const [form, setForm] = useState<{ editing: Post | null } | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const posts = usePosts({ enterpriseId, page, pageSize: PAGE_SIZE });
  const publish = useMutation({
    mutationFn: (p: Post) => send<Post>(`/api/internship-posts/${p.id}/publish`, { version: p.version }),
    onSuccess: (p) => {
      message.success(`「${p.title}」已发布，学生现在可以申请`);
      void qc.invalidateQueries({ queryKey: [KEY] });
    },
  });
  return (
    <div data-testid="internship-posts">
      <div
        className="cj-page-head"
        style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}
      >
        <Typography.Title level={4} style={{ margin: 0 }}>
          实习岗位
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ editing: null })} data-testid="post-new">
          新建岗位
        </Button>
      </div>
      <ShareCard enterpriseId={enterpriseId} />
      {posts.error ? (
        <QueryError error={posts.error} onRetry={() => void posts.refetch()} />
      ) : (
        <List
          loading={posts.isLoading}
          dataSource={posts.data?.items ?? []}
          locale={{ emptyText: <Empty description="还没有实习岗位" /> }}
          renderItem={(p) => (
            <List.Item style={{ padding: '6px 0', border: 0 }}>
              <Card
                size="small"
                style={{ width: '100%' }}
                data-testid="owned-post"
                title={<span style={{ whiteSpace: 'normal' }}>{p.title}</span>}
                extra={<Tag color={POST_STATUS[p.status]?.color}>{POST_STATUS[p.status]?.label}</Tag>}
              >
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Typography.Text type="secondary">
                    {KIND_LABELS[p.kind]} · {p.monthlyPayYuan.toLocaleString('zh-CN')} 元/月 · 已接收 {p.placesTaken}/{p.places} ·{' '}
                    {p.startDate} 至 {p.endDate}
                  </Typography.Text>
                  {open === p.id && <PostTerms post={p} forOwner />}
                  {publish.variables?.id === p.id && (
                    <RuleViolations error={publish.error} title="发布被拒绝：不符合《职业学校学生实习管理规定》" />
                  )}
                  <Space wrap>
                    <Button size="small" onClick={() => setOpen(open === p.id ? null : p.id)}>
                      {open === p.id ? '收起' : '查看条件'}
                    </Button>
                    {p.status === 'draft' && (
                      <Button size="small" onClick={() => setForm({ editing: p })}>
                        修改
                      </Button>
                    )}
                    {p.status === 'draft' && (
                      <Button
                        size="small"
                        type="primary"
                        loading={publish.isPending && publish.variables?.id === p.id}
                        onClick={() => publish.mutate(p)}
                        data-testid="post-publish"
                      >
                        发布
                      </Button>
                    )}
                    {p.status === 'published' && (
                      <Link to="/internships/applicants">
                        <Button size="small">查看申请</Button>
                      </Link>
                    )}
                  </Space>
                </Space>
              </Card>
            </List.Item>
          )}
        />
      )}
      <Pagination simple current={page} pageSize={PAGE_SIZE} total={posts.data?.total ?? 0} onChange={setPage} hideOnSinglePage />
      <PostForm
        open={form !== null}
        editing={form?.editing ?? null}
        onClose={() => {
          setForm(null);
          publish.reset();
        }}
      />
    </div>
  );
}
