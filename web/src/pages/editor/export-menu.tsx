import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { EXPORT_FORMATS, type ExportFormat } from '../../../../src/contract/exports.ts';
import { exportUrl, openFile } from '../../api/download.ts';
import { useT } from '../../app/i18n.tsx';

/** xlsx / docx / PDF / printable HTML from the server's exporters, and the in-app print view. */
export function ExportMenu(props: { formId: string; profileId: string; dirty: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const go = (format: ExportFormat) => {
    if (props.dirty) void message.warning(t.editor.exportSavedOnly);
    openFile(exportUrl(props.formId, format, props.profileId), format === 'html');
  };
  return (
    <>
      <Dropdown
        menu={{
          items: EXPORT_FORMATS.map((f) => ({ key: f, label: t.exports[f] })),
          onClick: ({ key }) => go(key as ExportFormat),
        }}
      >
        <Button icon={<DownloadOutlined />} className="export-button">
          {t.editor.export}
        </Button>
      </Dropdown>
      <Button
        icon={<PrinterOutlined />}
        onClick={() => window.open(`/forms/${props.formId}/print`, '_blank', 'noopener')}
      >
        {t.editor.print}
      </Button>
    </>
  );
}
