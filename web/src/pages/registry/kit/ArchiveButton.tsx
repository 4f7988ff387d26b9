import { InboxOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm } from 'antd';
import { ApiError, errorMessage, post } from '../../../api/client.ts';

/**
 * Archive (nothing in the register is deleted: other records keep referring to it) or restore a record,
 * naming the version read. If someone changed it meanwhile, the user is told to reload instead.
 */
export function ArchiveButton({
  endpoint,
  record,
  archived,
  onDone,
}: {
  endpoint: string;
  record: { id: string; version: number };
  archived: boolean;
  onDone?: () => void;
}) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const action = archived ? 'restore' : 'archive';
  const run = useMutation({
    mutationFn: () => post(`${endpoint}/${record.id}/${action}`, { version: record.version }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [endpoint] });
      message.success(archived ? '已恢复' : '已归档');
      onDone?.();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        modal.warning({
          title: '其他人刚刚修改了这条记录',
          content: '本次操作未生效。请重新加载最新内容后再试。',
          okText: '重新加载',
          onOk: () => queryClient.invalidateQueries({ queryKey: [endpoint] }),
        });
      } else message.error(errorMessage(error));
    },
  });
  return (
    <Popconfirm
      title={archived ? '恢复这条记录？' : '归档这条记录？'}
      description={archived ? '恢复后重新出现在列表中。' : '归档不删除记录：引用它的数据仍可查阅，可随时恢复。'}
      okText={archived ? '恢复' : '归档'}
      cancelText="取消"
      onConfirm={() => run.mutate()}
    >
      <Button icon={archived ? <RollbackOutlined /> : <InboxOutlined />} loading={run.isPending} danger={!archived} data-testid={action}>
        {archived ? '恢复' : '归档'}
      </Button>
    </Popconfirm>
  );
}
