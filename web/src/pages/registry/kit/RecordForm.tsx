import { ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, type FormInstance } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError, errorMessage, patch, post } from '../../../api/client.ts';
import { changedFields, filledFields, placeServerErrors } from './forms.ts';

type Values = Record<string, unknown>;

export interface RecordFormProps<Saved> {
  form: FormInstance;
  /** The list endpoint (/api/schools): creates POST here, edits PATCH `${endpoint}/${id}`. */
  endpoint: string;
  /** The record being edited (its id and the version read), or undefined to create one. */
  record?: { id: string; version: number };
  /** The form's values: the record's for an edit, defaults for a new one. */
  initialValues: Values;
  /** Turns form values into the request body (e.g. nested evidence left out when not dual-qualified). */
  toBody?: (values: Values) => Values;
  /** Reloads the record after someone else changed it (the form then shows the new values). */
  onReload?: () => Promise<unknown>;
  onSaved: (saved: Saved) => void;
  submitText?: string;
  children: ReactNode;
}

/**
 * Create and edit forms of the register. The fields are the caller's; this does the rest the same way for
 * every resource: an edit sends only the changed fields with the version it read; the server's field
 * messages appear on the fields; a 409 VERSION_CONFLICT says that someone else changed the record and
 * offers to reload it rather than overwrite their change.
 */
export function RecordForm<Saved>(props: RecordFormProps<Saved>) {
  const { form, record, initialValues } = props;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const version = record?.version;
  const initialKey = JSON.stringify(initialValues);

  // A (re)loaded record replaces what the form holds, and clears a conflict reported on the old one.
  const loaded = `${version}|${initialKey}`;
  const [shownRecord, setShownRecord] = useState(loaded);
  if (loaded !== shownRecord) {
    setShownRecord(loaded);
    setConflict(false);
  }
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(JSON.parse(initialKey) as Values);
  }, [form, initialKey, version]);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = props.toBody ? props.toBody(values) : values;
      if (!record) return post<Saved>(props.endpoint, filledFields(body));
      const initialBody = props.toBody ? props.toBody(initialValues) : initialValues;
      return patch<Saved>(`${props.endpoint}/${record.id}`, { version: record.version, ...changedFields(initialBody, body) });
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: [props.endpoint] });
      message.success(record ? '已保存修改' : '已登记');
      props.onSaved(saved);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        setConflict(true);
        setProblems([]);
        return;
      }
      const rest = placeServerErrors(form, error);
      const placedAll = error instanceof ApiError && error.fields && rest.length === 0;
      setProblems(placedAll ? [] : [errorMessage(error), ...rest]);
    },
  });

  const reload = async () => {
    await props.onReload?.();
    setConflict(false);
  };

  return (
    <Form
      form={form}
      name="record"
      layout="vertical"
      onFinish={(v: Values) => {
        setProblems([]);
        save.mutate(v);
      }}
      scrollToFirstError
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          className="cj-section"
          data-testid="version-conflict"
          title="其他人刚刚修改了这条记录"
          description="为避免覆盖对方的修改，本次保存未生效。请重新加载最新内容后再修改。"
          action={
            props.onReload && (
              <Button size="small" icon={<ReloadOutlined />} onClick={() => void reload()}>
                重新加载
              </Button>
            )
          }
        />
      )}
      {props.children}
      {problems.length > 0 && (
        <Alert type="error" showIcon className="cj-section" title={problems[0]} description={problems.slice(1).join('；') || undefined} />
      )}
      <Button type="primary" htmlType="submit" loading={save.isPending} block data-testid="record-submit">
        {props.submitText ?? (record ? '保存修改' : '登记')}
      </Button>
    </Form>
  );
}
