import { Form, Select } from 'antd';
import type { FormRule } from 'antd';
import { useOwnOrganisations } from './can.ts';
import { useSchoolChoices } from './options.tsx';

/**
 * The school a new record belongs to, chosen among the schools the user may read (a school admin's own is
 * filled in by the form's defaults, see useDefaultSchoolId). Fixed once the record exists (records do not move between schools).
 */
export function SchoolField({ editing, rules }: { editing: boolean; rules: FormRule[] }) {
  const choices = useSchoolChoices(!editing);
  // An edit has no school field at all: a hidden one would still be validated (and the schemas refuse it).
  if (editing) return null;
  return (
    <Form.Item name="schoolId" label="学校" rules={rules}>
      <Select options={choices.options} loading={choices.loading} showSearch={{ optionFilterProp: 'label' }} placeholder="选择学校" />
    </Form.Item>
  );
}

/** The school a new record belongs to by default: a school admin's own. */
export function useDefaultSchoolId(): string | undefined {
  const own = useOwnOrganisations('school');
  return own.length === 1 ? own[0]!.id : undefined;
}
