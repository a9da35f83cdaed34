-- A product without a variant is one cart line: PostgreSQL treats NULL variant ids as distinct, so the plain unique
-- index let two such lines exist (mash-backend-schema.md asks for NULLS NOT DISTINCT). Prisma's schema cannot say this;
-- the index keeps Prisma's name so the schema and its diff still match.
DROP INDEX "cart_items_cart_id_product_id_variant_id_key";
CREATE UNIQUE INDEX "cart_items_cart_id_product_id_variant_id_key" ON "cart_items"("cart_id", "product_id", "variant_id") NULLS NOT DISTINCT;
