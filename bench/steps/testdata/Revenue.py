GB('KeysReader').map(lambda r: int(r['value']['qty']) * int(r['value']['price'])).aggregate(0, lambda a, r: a + r, lambda a, r: a + r).run('order:*')
