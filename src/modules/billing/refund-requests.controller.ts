import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
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
  @ApiProblem(404, 'No such payment of mine')
  @ApiProblem(409, 'The payment cannot be refunded, or not that much')
  create(@Ctx() ctx: RequestContext, @Body() body: CreateRefundRequestDto): Promise<RefundRequestDto> {
    return this.requests.create(ctx, body);
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'My refund requests' })
  @ApiOkResponse({ type: RefundRequestPage })
  listMine(@Ctx() ctx: RequestContext, @Query() query: PageQueryDto): Promise<Page<RefundRequestDto>> {
    return this.requests.listMine(ctx, query);
  }

  @Get('queue')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'All refund requests, oldest first, by status (staff)' })
  @ApiOkResponse({ type: RefundRequestPage })
  queue(@Ctx() ctx: RequestContext, @Query() query: RefundRequestQueryDto): Promise<Page<RefundRequestDto>> {
    return this.requests.queue(ctx, query);
  }

  @Post(':id/approve')
  @Roles('staff', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Approve a refund request; the refund is made at once (staff)' })
  @ApiOkResponse({ type: RefundRequestDto })
  @ApiProblem(404, 'No such refund request')
  @ApiProblem(409, 'Already reviewed, or the payment can no longer be refunded')
  @ApiProblem(502, 'The payment provider failed')
  approve(
    @Ctx() ctx: RequestContext,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: ReviewRefundRequestDto,
  ): Promise<RefundRequestDto> {
    return this.requests.approve(ctx, id, body.note);
  }

  @Post(':id/reject')
  @Roles('staff', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reject a refund request (staff)' })
  @ApiOkResponse({ type: RefundRequestDto })
  @ApiProblem(404, 'No such refund request')
  @ApiProblem(409, 'Already reviewed')
  reject(
    @Ctx() ctx: RequestContext,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: ReviewRefundRequestDto,
  ): Promise<RefundRequestDto> {
    return this.requests.reject(ctx, id, body.note);
  }
}
