import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, PageQueryDto, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { InvoiceDto } from './dto/invoice.dto.js';
import { InvoicesService } from './invoices.service.js';

const InvoicePage = PageOf(InvoiceDto);

@ApiTags('invoices')
@Controller('invoices')
export class InvoicesController {
  constructor(private readonly invoices: InvoicesService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'My invoices, newest first' })
  @ApiOkResponse({ type: InvoicePage })
  list(@Ctx() ctx: RequestContext, @Query() query: PageQueryDto): Promise<Page<InvoiceDto>> {
    return this.invoices.listMine(ctx, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'An invoice (its owner, or staff)' })
  @ApiOkResponse({ type: InvoiceDto })
  @ApiProblem(404, 'No such invoice, or not yours to see')
  get(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string): Promise<InvoiceDto> {
    return this.invoices.get(ctx, id);
  }

  @Get(':id/download')
  @Authenticated()
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Download an invoice as printable HTML' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The invoice as an HTML document', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiProblem(404, 'No such invoice, or not yours to see')
  async download(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    const { html, number } = await this.invoices.render(ctx, id);
    await reply
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${number}.html"`)
      .send(html);
  }
}
