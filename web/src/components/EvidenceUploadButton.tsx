import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { EVIDENCE_ACCEPT } from '../pages/reporting/evidence';

type Callbacks<T> = { onSuccess: (stored: T) => void; onError: (e: Error) => void };
type Props<T extends { fileName: string }> = {
  /** Sends one file; the caller's mutation (it may add a kind or a report id). */
  send: (file: File, callbacks: Callbacks<T>) => void;
  pending: boolean;
  label: string;
  /** The success notice, given the stored file's name. */
  uploaded: (fileName: string) => string;
};

/** One evidence file at a time, of the types the server accepts by content, with a notice once stored. */
export function EvidenceUploadButton<T extends { fileName: string }>({ send, pending, label, uploaded }: Props<T>) {
  const { message } = App.useApp();
  return (
    <Upload
      accept={EVIDENCE_ACCEPT}
      showUploadList={false}
      multiple={false}
      customRequest={({ file, onSuccess, onError }) => {
        if (!(file instanceof File)) return;
        send(file, {
          onSuccess: (stored) => {
            void message.success(uploaded(stored.fileName));
            onSuccess?.(stored);
          },
          onError: (e) => onError?.(e),
        });
      }}
    >
      <Button icon={<UploadOutlined />} loading={pending}>
        {label}
      </Button>
    </Upload>
  );
}
