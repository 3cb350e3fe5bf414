import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Campaign attribution as the landing URL or the client gave it. */
@Schema({ _id: false })
export class UtmFields {
  @Prop({ maxlength: 200 }) source?: string;
  @Prop({ maxlength: 200 }) medium?: string;
  @Prop({ maxlength: 200 }) campaign?: string;
  @Prop({ maxlength: 200 }) term?: string;
  @Prop({ maxlength: 200 }) content?: string;
}

export const UtmFieldsSchema = SchemaFactory.createForClass(UtmFields);
