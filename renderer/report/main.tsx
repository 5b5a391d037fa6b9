// Entry of report.html: the printable report, waiting for a host's job (shared/report-job.ts).
import '../fonts/inter.css';
import { mountReportPage } from './reportPage';

mountReportPage(document.getElementById('root')!);
