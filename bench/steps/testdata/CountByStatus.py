GB('KeysReader').countby(lambda r: r['value']['status']).run('order:*')
