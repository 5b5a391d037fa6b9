// Entry of report.html: the printable report, waiting for a host's job (shared/report-job.ts).
import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import { mountReportPage } from './reportPage';

mountReportPage(document.getElementById('root')!);
