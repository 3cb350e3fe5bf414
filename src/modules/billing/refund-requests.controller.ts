import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Roles } from '../../core/auth/access.decorators.js';
import type { Actor } from '../../core/auth/roles.js';
import { Client, type ClientInfo } from '../../core/http/client-info.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, PageQueryDto, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { CardDataGuard } from './card-data.guard.js';
import { CreateRefundRequestDto, RefundRequestDto, RefundRequestQueryDto, ReviewRefundRequestDto } from './dto/refund-request.dto.js';
import { RefundRequestsService } from './refund-requests.service.js';

const RefundRequestPage = PageOf(RefundRequestDto);

@ApiTags('refund requests')
@Controller('refund-requests')
@UseGuards(CardDataGuard)
export class RefundRequestsController {
  constructor(private readonly requests: RefundRequestsService) {}

  @Post()
  @Authenticated()
  @ApiOperation({ summary: 'Ask for a refund of one of my payments' })
  @ApiCreatedResponse({ type: RefundRequestDto })
  @ApiProblem(409, 'The payment cannot be refunded, or not that much')
  create(@CurrentUser() actor: Actor, @Body() body: CreateRefundRequestDto): Promise<RefundRequestDto> {
    return this.requests.create(actor, body);
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'My refund requests' })
  @ApiOkResponse({ type: RefundRequestPage })
  listMine(@CurrentUser() actor: Actor, @Query() query: PageQueryDto): Promise<Page<RefundRequestDto>> {
    return this.requests.listMine(actor, query);
  }

  @Get('queue')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'All refund requests, oldest first, by status (staff)' })
  @ApiOkResponse({ type: RefundRequestPage })
  queue(@Query() query: RefundRequestQueryDto): Promise<Page<RefundRequestDto>> {
    return this.requests.queue(query);
  }

  @Post(':id/approve')
  @Roles('staff', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Approve a refund request; the refund is made at once (staff)' })
  @ApiOkResponse({ type: RefundRequestDto })
  @ApiProblem(409, 'Not in a state that can be approved, or the payment can no longer be refunded')
  @ApiProblem(502, 'The payment provider failed')
  approve(
    @CurrentUser() actor: Actor,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: ReviewRefundRequestDto,
    @Client() client: ClientInfo,
  ): Promise<RefundRequestDto> {
    return this.requests.approve(actor, id, body.note, client);
  }

  @Post(':id/reject')
  @Roles('staff', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reject a refund request (staff)' })
  @ApiOkResponse({ type: RefundRequestDto })
  @ApiProblem(409, 'Not in a state that can be rejected')
  reject(
    @CurrentUser() actor: Actor,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: ReviewRefundRequestDto,
  ): Promise<RefundRequestDto> {
    return this.requests.reject(actor, id, body.note);
  }
}
