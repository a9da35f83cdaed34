import 'reflect-metadata';
import { IsInt, IsString, Min, MinLength, validateSync } from 'class-validator';
import { cacheValidationMetadataLookups } from './validation-metadata-cache';

class Base {
  @IsString() name: string;
}
class Child extends Base {
  @IsInt() @Min(1) count: number;
}

const failing = (object: object) =>
  validateSync(object)
    .map((e) => `${e.property}:${Object.keys(e.constraints ?? {}).join('+')}`)
    .sort();

describe('cacheValidationMetadataLookups', () => {
  beforeAll(() => cacheValidationMetadataLookups());

  it('validates the same as before, inherited rules included, call after call', () => {
    const bad = Object.assign(new Child(), { name: 3, count: 0 });
    for (let i = 0; i < 3; i++) expect(failing(bad)).toEqual(['count:min', 'name:isString']);
    expect(failing(Object.assign(new Child(), { name: 'ok', count: 2 }))).toEqual([]);
    expect(failing(Object.assign(new Base(), { name: 1 }))).toEqual(['name:isString']);
  });

  it('sees rules registered after a lookup was remembered (a module loaded later)', () => {
    expect(failing(Object.assign(new Base(), { name: '' }))).toEqual([]);
    MinLength(1)(Base.prototype, 'name');
    expect(failing(Object.assign(new Base(), { name: '' }))).toEqual(['name:minLength']);
    expect(failing(Object.assign(new Child(), { name: '', count: 1 }))).toEqual(['name:minLength']);
  });
});
