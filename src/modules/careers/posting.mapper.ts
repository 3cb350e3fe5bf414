import { iso } from '../../core/http/serialize.js';
import type { PostingDto } from './dto/posting.dto.js';
import type { JobPosting } from './schemas/job-posting.schema.js';

export function toPostingDto(posting: JobPosting): PostingDto {
  return {
    id: posting._id.toString(),
    position: posting.position,
    department: posting.department,
    location: posting.location,
    employmentType: posting.employmentType,
    description: posting.description,
    state: posting.state,
    createdAt: iso(posting.createdAt)!,
    updatedAt: iso(posting.updatedAt)!,
  };
}
