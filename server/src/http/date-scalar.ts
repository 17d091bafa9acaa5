import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

function parse(value: unknown): string {
  if (typeof value !== 'string' || !DATE.test(value)) {
    throw new GraphQLError('A Date is a year, year-month or day: 2019, 2019-05 or 2019-05-14.', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

/** Dates as documents give them: year, year-month or day precision, kept as written. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A date of year, month or day precision: 2019, 2019-05 or 2019-05-14.',
  serialize: (value) => parse(value),
  parseValue: (value) => parse(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('A Date is written as a string, e.g. "2019-05".', { extensions: { code: 'BAD_USER_INPUT' } });
    return parse(ast.value);
  },
});
