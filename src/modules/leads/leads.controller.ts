import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { PHONE_PARAM_PATTERN } from '../../core/phone/index.js';
import { LeadImportDto, LeadImportReportDto, MAX_IMPORT_ROWS } from './dto/lead-import.dto.js';
import { CreateLeadDto, LeadDto, LeadListQueryDto, LeadTransitionDto, UpdateLeadDto } from './dto/lead.dto.js';
import { LeadImportService } from './lead-import.service.js';
import { LeadsService } from './leads.service.js';

const LeadPage = PageOf(LeadDto);

@ApiTags('leads')
@Controller('tenants/:tenantId/leads')
export class LeadsController {
  constructor(
    private readonly leads: LeadsService,
    private readonly imports: LeadImportService,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The tenant’s leads, newest first, by status, tag, source or name/number prefix (members, or staff)' })
  @ApiOkResponse({ type: LeadPage })
  @ApiProblem(404, 'No such tenant, or not a member')
  list(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Query() query: LeadListQueryDto,
  ): Promise<Page<LeadDto>> {
    return this.leads.list(ctx, tenantId, query);
  }

  @Post()
  @Authenticated()
  @ApiOperation({ summary: 'Add a lead (owners, admins and members, or staff)' })
  @ApiCreatedResponse({ type: LeadDto })
  @ApiProblem(403, 'Viewers do not change leads')
  @ApiProblem(404, 'No such tenant, or not a member')
  @ApiProblem(409, 'The tenant has a lead with that number (lead-phone-taken)')
  create(@Ctx() ctx: RequestContext, @Param('tenantId', ObjectIdPipe) tenantId: string, @Body() body: CreateLeadDto): Promise<LeadDto> {
    return this.leads.create(ctx, tenantId, body);
  }

  @Post('import')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: `Import up to ${MAX_IMPORT_ROWS} leads from CSV or JSON rows, upserted by number; bad rows reported by line (owners and admins, or staff)`,
  })
  @ApiOkResponse({ type: LeadImportReportDto })
  @ApiProblem(403, 'Members and viewers do not import')
  @ApiProblem(404, 'No such tenant, or not a member')
  @ApiProblem(413, `More than ${MAX_IMPORT_ROWS} rows, or a body over the size limit`)
  import(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Body() body: LeadImportDto,
  ): Promise<LeadImportReportDto> {
    return this.imports.import(ctx, tenantId, body);
  }

  @Get('by-phone/:phone')
  @Authenticated()
  @ApiOperation({ summary: 'The lead with this number, in any common spelling (members, or staff)' })
  @ApiParam({
    name: 'phone',
    schema: { type: 'string', pattern: PHONE_PARAM_PATTERN, maxLength: 64 },
    description: 'The number in any common spelling, URL-encoded',
  })
  @ApiOkResponse({ type: LeadDto })
  @ApiProblem(400, 'The number is not a valid phone number')
  @ApiProblem(404, 'No such tenant, or no lead with that number')
  byPhone(@Ctx() ctx: RequestContext, @Param('tenantId', ObjectIdPipe) tenantId: string, @Param('phone') phone: string): Promise<LeadDto> {
    return this.leads.byPhone(ctx, tenantId, phone);
  }

  @Get(':leadId')
  @Authenticated()
  @ApiOperation({ summary: 'A lead (members, or staff)' })
  @ApiOkResponse({ type: LeadDto })
  @ApiProblem(404, 'No such tenant or lead')
  get(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('leadId', ObjectIdPipe) leadId: string,
  ): Promise<LeadDto> {
    return this.leads.get(ctx, tenantId, leadId);
  }

  @Patch(':leadId')
  @Authenticated()
  @ApiOperation({ summary: 'Edit a lead; `status` moves it along the lead lifecycle (owners, admins and members, or staff)' })
  @ApiOkResponse({ type: LeadDto })
  @ApiProblem(403, 'Viewers do not change leads')
  @ApiProblem(404, 'No such tenant or lead')
  @ApiProblem(409, 'Another lead has that number (lead-phone-taken), or the lifecycle forbids the status change')
  update(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('leadId', ObjectIdPipe) leadId: string,
    @Body() body: UpdateLeadDto,
  ): Promise<LeadDto> {
    return this.leads.update(ctx, tenantId, leadId, body);
  }

  @Delete(':leadId')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a lead (owners and admins, or staff)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(403, 'Members and viewers do not delete leads')
  @ApiProblem(404, 'No such tenant or lead')
  remove(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('leadId', ObjectIdPipe) leadId: string,
  ): Promise<void> {
    return this.leads.remove(ctx, tenantId, leadId);
  }

  @Post(':leadId/contacted')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Record that someone reached the lead: a new lead becomes contacted (owners, admins and members, or staff)' })
  @ApiOkResponse({ type: LeadDto })
  @ApiProblem(403, 'Viewers do not change leads')
  @ApiProblem(404, 'No such tenant or lead')
  @ApiProblem(409, 'The lead is do-not-call (lead-do-not-call)')
  contacted(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('leadId', ObjectIdPipe) leadId: string,
  ): Promise<LeadDto> {
    return this.leads.markContacted(ctx, tenantId, leadId);
  }

  @Post(':leadId/transitions')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Move a lead along its lifecycle; do-not-call moves are for owners and admins (owners, admins and members, or staff)',
  })
  @ApiOkResponse({ type: LeadDto })
  @ApiProblem(403, 'Viewers do not change leads')
  @ApiProblem(404, 'No such tenant or lead')
  @ApiProblem(409, 'The lifecycle forbids the move for this caller (illegal-transition)')
  move(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('leadId', ObjectIdPipe) leadId: string,
    @Body() body: LeadTransitionDto,
  ): Promise<LeadDto> {
    return this.leads.transition(ctx, tenantId, leadId, body.to, body.reason);
  }
}
