import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Drawer, Empty, List, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Notification, NotificationList } from '../../../contracts/notifications.ts';
import { get, post } from '../api/client.ts';
import { QueryError } from '../components/QueryError.tsx';

const KEY = ['notifications'];
/** Reminders arrive from a daily job: a minute is fresh enough, and no one waits for them. */
const REFRESH_MS = 60_000;

/** The inbox in the header: a bell with the unread count, opening a drawer of messages. */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const inbox = useQuery({
    queryKey: KEY,
    queryFn: () => get<NotificationList>('/api/notifications', { pageSize: 30 }),
    refetchInterval: REFRESH_MS,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: KEY });
  const read = useMutation({ mutationFn: (id: string) => post<Notification>(`/api/notifications/${id}/read`), onSuccess: refresh });
  const readAll = useMutation({ mutationFn: () => post('/api/notifications/read-all'), onSuccess: refresh });
  const unread = inbox.data?.unread ?? 0;

  const openMessage = (n: Notification) => {
    if (!n.readAt) read.mutate(n.id);
    if (n.link) {
      setOpen(false);
      navigate(n.link);
    }
  };

  return (
    <>
      <Badge count={unread} size="small" offset={[-6, 6]}>
        <Button
          type="text"
          aria-label={unread ? `消息（${unread}条未读）` : '消息'}
          icon={<BellOutlined />}
          onClick={() => setOpen(true)}
        />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title="消息"
        size="default"
        className="cj-inbox"
        extra={
          <Button size="small" disabled={!unread || readAll.isPending} onClick={() => readAll.mutate()}>
            全部已读
          </Button>
        }
      >
        {inbox.error ? (
          <QueryError error={inbox.error} />
        ) : (
          <List
            loading={inbox.isLoading}
            dataSource={inbox.data?.items ?? []}
            locale={{ emptyText: <Empty description="暂无消息" /> }}
            renderItem={(n) => (
              <List.Item
                className={n.readAt ? 'cj-inbox-read' : 'cj-inbox-unread'}
                onClick={() => openMessage(n)}
                style={{ cursor: 'pointer' }}
              >
                <List.Item.Meta
                  title={
                    <Badge dot={!n.readAt} offset={[6, 0]}>
                      {n.title}
                    </Badge>
                  }
                  description={
                    <>
                      <Typography.Paragraph style={{ marginBottom: 4 }}>{n.body}</Typography.Paragraph>
                      <Typography.Text type="secondary">{new Date(n.createdAt).toLocaleString('zh-CN', { hour12: false })}</Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Drawer>
    </>
  );
}
