import { ReferencePipe } from '../../core/http/reference.pipe.js';
import { APPLICATION_NUMBER_PATTERN } from './careers-fields.js';
import { JobApplication } from './schemas/job-application.schema.js';

/** `{applicationId}` in a path: the application's id or the number its applicant quotes (`APP-2026-000123`). */
export const ApplicationRefPipe = ReferencePipe(JobApplication.name, 'applicationId', APPLICATION_NUMBER_PATTERN);
