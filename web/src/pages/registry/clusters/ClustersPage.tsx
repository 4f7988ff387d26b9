import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Input, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Cluster } from '../../../../../contracts/clusters.ts';
import { del, errorMessage, get, post } from '../../../api/client.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { useCan } from '../kit/can.ts';
import { label, MAJOR_LEVEL_LABELS } from '../labels.ts';

const KEY = ['/api/clusters'];

/**
 * The plan's industry clusters (二 (一) 3, 二 (四) 13) with the catalogue majors and GB/T 4754 industries
 * that feed each: the mapping that aligns major groups and enterprises. The bureau edits it; all read it.
 */
export default function ClustersPage() {
  const can = useCan();
  const editable = can({ resource: 'industryCluster', action: 'update' });
  const [filter, setFilter] = useState('');
  const clusters = useQuery({ queryKey: KEY, queryFn: ({ signal }) => get<{ items: Cluster[] }>('/api/clusters', undefined, { signal }) });
  const shown = (clusters.data?.items ?? []).filter(
    (c) =>
      !filter ||
      c.name.includes(filter) ||
      c.majors.some((m) => m.name?.includes(filter) || m.code.startsWith(filter)) ||
      c.industries.some((i) => i.name?.includes(filter) || i.code.startsWith(filter)),
  );
  return (
    <div data-testid="registry-clusters">
      <div className="cj-page-head cj-list-head">
        <Typography.Title level={3}>产业集群对应</Typography.Title>
        <Typography.Text type="secondary">
          《实施方案》产业集群对应的专业和行业{editable ? '（点击标签上的 × 取消对应）' : ''}
        </Typography.Text>
        <div className="cj-head-actions">
          <Input.Search
            allowClear
            placeholder="集群、专业或行业"
            onSearch={setFilter}
            onChange={(e) => !e.target.value && setFilter('')}
            style={{ maxWidth: 260 }}
          />
        </div>
      </div>
      {clusters.isPending && <Skeleton active />}
      {clusters.error && <QueryError error={clusters.error} onRetry={() => void clusters.refetch()} />}
      {clusters.data && shown.length === 0 && (
        <Card>
          <Empty description="没有符合条件的产业集群" />
        </Card>
      )}
      <Row gutter={[16, 16]}>
        {shown.map((c) => (
          <Col key={c.code} xs={24} xl={12} xxl={8}>
            <ClusterCard cluster={c} editable={editable} />
          </Col>
        ))}
      </Row>
    </div>
  );
}

function ClusterCard({ cluster, editable }: { cluster: Cluster; editable: boolean }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const change = useMutation({
    mutationFn: (run: () => Promise<Cluster>) => run(),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: KEY });
      message.success('已更新对应关系');
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const base = `/api/clusters/${cluster.code}`;
  return (
    <Card
      id={cluster.code}
      title={cluster.name}
      extra={<span className="cj-stat-article">{cluster.article}</span>}
      className="cj-cluster"
      data-cluster={cluster.code}
    >
      <div className="cj-cluster-part">
        <Typography.Text type="secondary">对应专业（{cluster.majors.length}）</Typography.Text>
        <div className="cj-tags">
          {cluster.majors.map((m) => (
            <Tag
              key={m.code}
              closable={editable}
              title={`${m.code}${m.level ? ` · ${label(MAJOR_LEVEL_LABELS, m.level)}` : ''}`}
              onClose={(e) => {
                e.preventDefault();
                change.mutate(() => del<Cluster>(`${base}/majors/${m.code}`));
              }}
            >
              {m.name ?? m.code}
              <span className="cj-tag-code">{m.code}</span>
            </Tag>
          ))}
          {cluster.majors.length === 0 && <Typography.Text type="secondary">—</Typography.Text>}
        </div>
        {editable && (
          <AddCode
            placeholder="专业代码（6位）"
            onAdd={(code) => change.mutate(() => post<Cluster>(`${base}/majors`, { majorCode: code }))}
          />
        )}
      </div>
      <div className="cj-cluster-part">
        <Typography.Text type="secondary">对应行业（{cluster.industries.length}）</Typography.Text>
        <div className="cj-tags">
          {cluster.industries.map((i) => (
            <Tag
              key={i.code}
              color="blue"
              closable={editable}
              onClose={(e) => {
                e.preventDefault();
                change.mutate(() => del<Cluster>(`${base}/industries/${i.code}`));
              }}
            >
              {i.name ?? i.code}
              <span className="cj-tag-code">{i.code}</span>
            </Tag>
          ))}
          {cluster.industries.length === 0 && <Typography.Text type="secondary">—</Typography.Text>}
        </div>
        {editable && (
          <AddCode
            placeholder="行业代码（GB/T 4754）"
            onAdd={(code) => change.mutate(() => post<Cluster>(`${base}/industries`, { industryCode: code }))}
          />
        )}
      </div>
    </Card>
  );
}

function AddCode({ placeholder, onAdd }: { placeholder: string; onAdd: (code: string) => void }) {
  const [code, setCode] = useState('');
  const add = () => {
    if (code.trim()) {
      onAdd(code.trim().toUpperCase());
      setCode('');
    }
  };
  return (
    <Space.Compact style={{ display: 'flex', maxWidth: 320, margin: '4px 0 12px' }}>
      <Input
        size="small"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        onPressEnter={add}
        placeholder={placeholder}
        aria-label={placeholder}
      />
      <Button size="small" icon={<PlusOutlined />} onClick={add}>
        添加
      </Button>
    </Space.Compact>
  );
}
