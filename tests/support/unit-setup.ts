process.env.SESSION_SECRET ??= 'unit-test-secret'
