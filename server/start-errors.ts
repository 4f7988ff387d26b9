import path from 'node:path';
import { repoRoot } from './catalogues/index.ts';
import type { Config } from './platform/config.ts';

/**
 * What a person at the terminal reads when `npm start` cannot start: one line saying what is wrong and what to
 * do, no stack trace. Errors not recognised here keep their message (and the log file gets the stack).
 */
export function startFailure(err: unknown, config: Config, firstStart: boolean): string {
  const e = err as NodeJS.ErrnoException & { address?: string; port?: number };
  if (e?.code === 'EADDRINUSE') {
    return `端口 ${config.port} 已被其他程序占用：请关闭该程序，或换一个端口启动，例如 PORT=${config.port + 1} npm start`;
  }
  if ((e?.code === 'ENOENT' || e?.code === 'EACCES' || e?.code === 'EISDIR') && e.path) {
    const file = path.resolve(e.path);
    const inRepo = path.relative(repoRoot, file);
    const what = e.code === 'ENOENT' ? '不存在' : e.code === 'EACCES' ? '没有读取权限' : '不是文件';
    if (inRepo.startsWith(path.join('server', 'catalogues', 'data'))) {
      return `参考数据文件 ${inRepo} ${what}：它是仓库的一部分，请用 git checkout -- server/catalogues/data 恢复（或重新克隆仓库）后再启动${firstStart ? '；未完成的数据库会在下次启动时重建' : ''}`;
    }
    return `无法读取 ${file}（${what}）：请检查该路径和权限后再启动`;
  }
  if (e?.code === 'ECONNREFUSED' || e?.code === 'ENOTFOUND' || e?.code === '28P01' || e?.code === '3D000') {
    return `无法连接 DATABASE_URL 指向的 PostgreSQL 服务器（${e.message}）：请确认服务器已启动、地址、用户和数据库名正确`;
  }
  const message = e instanceof Error ? e.message : String(err);
  if (!config.databaseUrl && !firstStart) {
    return `启动失败：${message}。如果数据文件夹 ${config.dataDir} 是一次中断的启动留下的，请删除它（或用 DATA_DIR 换一个文件夹）后再启动`;
  }
  return `启动失败：${message}`;
}
