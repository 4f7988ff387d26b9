import { Button, Result } from 'antd';
import { ApiError, errorMessage } from '../api/client.ts';

/** A failed load: the server's Chinese message, the request id for support, and a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const status =
    error instanceof ApiError && error.status === 403 ? '403' : error instanceof ApiError && error.status === 404 ? '404' : 'error';
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Result
      status={status}
      title="加载失败"
      subTitle={
        <>
          {errorMessage(error)}
          {requestId && (
            <div className="cj-mono" style={{ marginTop: 4 }}>
              请求编号：{requestId}
            </div>
          )}
        </>
      }
      extra={
        onRetry && (
          <Button type="primary" onClick={onRetry}>
            重试
          </Button>
        )
      }
    />
  );
}
