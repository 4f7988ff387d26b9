import { Card, Empty, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { QueryError } from '../../components/QueryError.tsx';
import { InternshipView } from './InternshipView.tsx';
import { useInternships } from './lifecycle-api.ts';

/** The student's internship on a phone: agreement to sign, daily check-in, weekly logs, evaluations. */
export default function MyInternshipPage() {
  const list = useInternships({ pageSize: 20 });
  const [chosen, setChosen] = useState<string>();
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data?.items ?? [];
  // The running or upcoming one first: that is what a student opens the page for.
  const current = items.find((i) => i.status === 'active') ?? items.find((i) => i.status === 'accepted') ?? items[0];
  const id = chosen ?? current?.id;
  return (
    <div data-testid="my-internship">
      <div className="cj-page-head">
        <Typography.Title level={4}>我的实习</Typography.Title>
      </div>
      {items.length > 1 && (
        <div style={{ overflowX: 'auto', marginBottom: 12 }}>
          <Segmented
            value={id}
            onChange={(v) => setChosen(String(v))}
            options={items.map((i) => ({ value: i.id, label: `${i.enterpriseName}·${i.postTitle}` }))}
          />
        </div>
      )}
      {list.isLoading && <Card loading />}
      {!list.isLoading && !id && (
        <Empty
          description={
            <>
              还没有被接收的实习，<Link to="/internships">去找实习</Link>
            </>
          }
        />
      )}
      {id && <InternshipView id={id} side="student" />}
    </div>
  );
}
