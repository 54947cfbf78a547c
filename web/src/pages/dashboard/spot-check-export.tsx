import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Descriptions, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { FORM_STATUSES, type FormStatus } from '../../../../src/contract/common.ts';
import { openFile, spotCheckUrl } from '../../api/download.ts';
import { useOrgs } from '../../api/queries.ts';
import { useT } from '../../app/i18n.tsx';

/** 「导出抽查报告」: the spot-check report of the dashboard's year and unit, by status, as xlsx or PDF. */
export function SpotCheckExport({ year, orgId }: { year: number | undefined; orgId: string | undefined }) {
  const t = useT();
  const orgs = useOrgs();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<FormStatus | ''>('');
  const [format, setFormat] = useState<'xlsx' | 'pdf'>('xlsx');
  const orgName = orgId ? orgs.data?.items.find((o) => o.id === orgId)?.name : undefined;
  const go = () => {
    openFile(spotCheckUrl({ format, year, orgId, status: status || undefined }));
    setOpen(false);
  };
  return (
    <>
      <Button icon={<FileExcelOutlined />} onClick={() => setOpen(true)} className="spot-check-export">
        {t.dashboard.exportSpotCheck}
      </Button>
      <Modal
        open={open}
        title={t.dashboard.exportTitle}
        okText={t.dashboard.exportGo}
        cancelText={t.common.cancel}
        onOk={go}
        onCancel={() => setOpen(false)}
      >
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'scope',
              label: t.dashboard.exportScope,
              children: `${t.dashboard.exportYear(year)}；${t.dashboard.exportOrg(orgName)}`,
            },
            {
              key: 'status',
              label: t.dashboard.exportStatus,
              children: (
                <Select
                  aria-label={t.dashboard.exportStatus}
                  style={{ width: 200 }}
                  value={status}
                  onChange={setStatus}
                  options={[
                    { value: '', label: t.status.all },
                    ...FORM_STATUSES.map((s) => ({ value: s, label: t.labels.formStatus[s] })),
                  ]}
                />
              ),
            },
            {
              key: 'format',
              label: t.dashboard.exportFormat,
              children: (
                <Radio.Group
                  value={format}
                  onChange={(e) => setFormat(e.target.value)}
                  options={[
                    { value: 'xlsx', label: t.dashboard.exportXlsx },
                    { value: 'pdf', label: t.dashboard.exportPdf },
                  ]}
                  style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                />
              ),
            },
          ]}
        />
        <p className="muted small">{t.dashboard.exportHint}</p>
      </Modal>
    </>
  );
}
