import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { directoryProgramPage } from '../../../../contracts/directory.ts';
import { get } from '../../api/client.ts';

interface Props {
  value?: string[];
  onChange?: (codes: string[]) => void;
  /** Names of codes already chosen (an edited post's majors), so they show as names before any search. */
  known?: { code: string; name: string }[];
}

/** Majors wanted by a post, found by name among the majors the city's schools teach (public directory). */
export function MajorPicker({ value, onChange, known = [] }: Props) {
  const [text, setText] = useState('');
  const [typed, setTyped] = useState('');
  // Wait for a pause in typing before asking the server.
  useEffect(() => {
    const t = setTimeout(() => setText(typed.trim()), 300);
    return () => clearTimeout(t);
  }, [typed]);
  const found = useQuery({
    queryKey: ['directory', 'majors', text],
    enabled: text.length > 0,
    staleTime: 60_000,
    queryFn: () => get<z.infer<typeof directoryProgramPage>>('/api/directory/programs', { q: text, pageSize: 100 }),
  });
  const names = new Map(known.map((m) => [m.code, m.name]));
  for (const p of found.data?.items ?? []) names.set(p.majorCode, p.majorName);
  return (
    <Select
      mode="multiple"
      showSearch
      filterOption={false}
      onSearch={setTyped}
      value={value}
      onChange={onChange}
      allowClear
      placeholder="输入专业名称查找，不选则不限专业"
      loading={found.isFetching}
      notFoundContent={text ? '没有找到该专业' : '请输入专业名称'}
      options={[...names].map(([code, name]) => ({ value: code, label: `${name}（${code}）` }))}
    />
  );
}
