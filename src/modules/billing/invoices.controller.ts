import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated, CurrentUser } from '../../core/auth/access.decorators.js';
import type { Actor } from '../../core/auth/roles.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, PageQueryDto, type Page } from '../../core/http/pagination.js';
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
  list(@CurrentUser() actor: Actor, @Query() query: PageQueryDto): Promise<Page<InvoiceDto>> {
    return this.invoices.listMine(actor, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'An invoice (its owner, or staff)' })
  @ApiOkResponse({ type: InvoiceDto })
  get(@CurrentUser() actor: Actor, @Param('id', ObjectIdPipe) id: string): Promise<InvoiceDto> {
    return this.invoices.get(actor, id);
  }

  @Get(':id/download')
  @Authenticated()
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Download an invoice as printable HTML' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The invoice as an HTML document', content: { 'text/html': { schema: { type: 'string' } } } })
  async download(@CurrentUser() actor: Actor, @Param('id', ObjectIdPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    const { html, number } = await this.invoices.render(actor, id);
    await reply
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${number}.html"`)
      .send(html);
  }
}
